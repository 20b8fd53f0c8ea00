import { Listeners } from '../core/listeners';

/**
 * Who receives webhooks: each app's one subscription for the `page` object (callback URL, verify
 * token, fields; `POST /{app-id}/subscriptions`) and, per Page, the apps subscribed to it with
 * their fields (`POST /{page-id}/subscribed_apps`). A Page's event goes out only when its field
 * is subscribed at both levels (docs/meta-platform.md §5.5).
 */

export interface SubscribedField {
	name: string;
	/** The Graph version of the call that subscribed it. */
	version: string;
}

export interface AppSubscription {
	object: 'page';
	callbackUrl: string;
	verifyToken: string;
	includeValues: boolean;
	fields: SubscribedField[];
	/** False once Meta disabled the webhooks after an hour of failures (§5.4). */
	active: boolean;
}

export interface SubscribeInput {
	callbackUrl: string;
	verifyToken: string;
	includeValues: boolean;
	fields: string[];
	version: string;
}

/** An app's subscription was made or renewed (`subscribed`), or is gone. */
export interface AppSubscriptionChange {
	appId: string;
	subscribed: boolean;
}

export class WebhookSubscriptions {
	private readonly apps = new Map<string, AppSubscription>();
	private readonly changed = new Listeners<AppSubscriptionChange>();
	/** pageId → appId → subscribed fields. */
	private readonly pages = new Map<string, Map<string, string[]>>();

	app(appId: string): AppSubscription | undefined {
		return this.apps.get(appId);
	}

	/**
	 * One callback URL per app: a new URL and verify token replace the old ones. Fields add to
	 * those already subscribed; the ones named here take this call's version.
	 */
	subscribeApp(appId: string, input: SubscribeInput): AppSubscription {
		const kept = (this.apps.get(appId)?.fields ?? []).filter((field) => !input.fields.includes(field.name));
		const subscription: AppSubscription = {
			object: 'page',
			callbackUrl: input.callbackUrl,
			verifyToken: input.verifyToken,
			includeValues: input.includeValues,
			fields: [...kept, ...input.fields.map((name) => ({ name, version: input.version }))],
			active: true,
		};
		this.apps.set(appId, subscription);
		this.changed.tell({ appId, subscribed: true });
		return subscription;
	}

	/** Without fields the whole subscription goes; a subscription left without fields goes too. */
	unsubscribeApp(appId: string, fields?: string[]): void {
		const subscription = this.apps.get(appId);
		if (!subscription) return;
		if (fields !== undefined) subscription.fields = subscription.fields.filter((field) => !fields.includes(field.name));
		if (fields !== undefined && subscription.fields.length > 0) return;
		this.apps.delete(appId);
		this.changed.tell({ appId, subscribed: false });
	}

	/** Made, renewed or removed through the app's subscription calls (not by disable() or clear()). */
	onAppChange(listener: (change: AppSubscriptionChange) => void): () => void {
		return this.changed.add(listener);
	}

	/** Sets the app's fields on the Page (a new list replaces the old one). */
	subscribePage(pageId: string, appId: string, fields: string[]): void {
		const apps = this.pages.get(pageId) ?? new Map<string, string[]>();
		apps.set(appId, [...new Set(fields)]);
		this.pages.set(pageId, apps);
	}

	unsubscribePage(pageId: string, appId: string): void {
		this.pages.get(pageId)?.delete(appId);
	}

	/** The apps subscribed to a Page, with their fields. */
	pageApps(pageId: string): { appId: string; fields: string[] }[] {
		return [...(this.pages.get(pageId) ?? new Map<string, string[]>())].map(([appId, fields]) => ({ appId, fields: [...fields] }));
	}

	/** The Pages an app is subscribed to. */
	pagesOfApp(appId: string): { pageId: string; fields: string[] }[] {
		const result: { pageId: string; fields: string[] }[] = [];
		for (const [pageId, apps] of this.pages) {
			const fields = apps.get(appId);
			if (fields) result.push({ pageId, fields: [...fields] });
		}
		return result;
	}

	/** docs/meta-platform.md §5.4: after an hour of failures, webhooks off and the app unsubscribed from its Pages. */
	disable(appId: string): void {
		const subscription = this.apps.get(appId);
		if (subscription) subscription.active = false;
		for (const apps of this.pages.values()) apps.delete(appId);
	}

	/** Whether a Page's event of this field goes to the app: active, and the field at both levels. */
	delivers(appId: string, pageId: string, field: string): boolean {
		const subscription = this.apps.get(appId);
		if (!subscription?.active || !subscription.fields.some((subscribed) => subscribed.name === field)) return false;
		return this.pages.get(pageId)?.get(appId)?.includes(field) === true;
	}

	clear(): void {
		this.apps.clear();
		this.pages.clear();
	}
}
