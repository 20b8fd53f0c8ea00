import { newPsid } from '../core/ids';
import { DEFAULT_REGION } from '../core/regions';

/** People who talk to a Page, keyed by Page and page-scoped id (PSID). */

export type OptInTemplateType = 'one_time_notif_req' | 'notification_messages';

/** The last opt-in request a subscriber received; a later "tap Notify Me" answers it. */
export interface OptInRequestRecord {
	templateType: OptInTemplateType;
	title: string;
	payload: string;
	messageId: string;
	sentAt: number;
	ctaText?: string;
	timezone?: string;
	imageUrl?: string;
	imageAspectRatio?: string;
}

export interface SubscriberRecord {
	pageId: string;
	psid: string;
	name: string;
	/**
	 * What Meta's User Profile API gives as `first_name` and `last_name`; null when the person's
	 * profile has none (both null: "No profile available for this user.").
	 */
	firstName: string | null;
	lastName: string | null;
	createdAt: number;
	/** Last message, postback or quick reply from the subscriber: opens the windows. */
	lastUserActionAt: number | null;
	lastOptInRequest: OptInRequestRecord | null;
	/** notification_messages titles already requested, with when (docs/meta-platform.md §2.2 weekly rule). */
	marketingRequestTitles: Record<string, number>;
	/**
	 * How many of the messages received so far the subscriber's Messenger reported delivered and
	 * read, and how many delivery webhooks it sent (they alternate without and with `timestamp`).
	 */
	receipts: { delivered: number; read: number; deliveryReports: number };
	/** Where the subscriber is (ISO code): the paid API reaches some regions only (docs/meta-platform.md §3.1). */
	region: string;
	/** What the paid API finds when it tries to reach this subscriber (docs/meta-platform.md §3.4, §3.6). */
	paid: PaidReach;
}

/** Set through the control API: Meta decides these itself and documents only the errors. */
export interface PaidReach {
	/** False: "recipient cannot receive now" (2300036). */
	canReceive: boolean;
	/** A frequency cap across businesses (2300042–2300044) until this time (emulator clock, ms). */
	frequencyCap: { code: number; until: number } | null;
}

export interface NewSubscriber {
	psid?: string;
	name?: string;
	region?: string;
	firstName?: string | null;
	lastName?: string | null;
}

export class Subscribers {
	private readonly byKey = new Map<string, SubscriberRecord>();

	create(pageId: string, options: NewSubscriber, now: number): SubscriberRecord {
		let psid = options.psid ?? newPsid();
		while (options.psid === undefined && this.byKey.has(key(pageId, psid))) psid = newPsid();
		if (this.byKey.has(key(pageId, psid))) throw new Error(`subscriber ${psid} already exists on page ${pageId}`);
		const name = options.name ?? `Subscriber ${psid.slice(-4)}`;
		// Without names of their own, the first word of the name is the first name and the rest the last.
		const [first, ...rest] = name.split(' ');
		const subscriber: SubscriberRecord = {
			pageId,
			psid,
			name,
			firstName: options.firstName !== undefined ? options.firstName : first || null,
			lastName: options.lastName !== undefined ? options.lastName : rest.join(' ') || null,
			createdAt: now,
			lastUserActionAt: null,
			lastOptInRequest: null,
			marketingRequestTitles: {},
			receipts: { delivered: 0, read: 0, deliveryReports: 0 },
			region: options.region ?? DEFAULT_REGION,
			paid: { canReceive: true, frequencyCap: null },
		};
		this.byKey.set(key(pageId, psid), subscriber);
		return subscriber;
	}

	get(pageId: string, psid: string): SubscriberRecord | undefined {
		return this.byKey.get(key(pageId, psid));
	}

	list(pageId: string): SubscriberRecord[] {
		return [...this.byKey.values()].filter((subscriber) => subscriber.pageId === pageId);
	}

	clear(): void {
		this.byKey.clear();
	}
}

function key(pageId: string, psid: string): string {
	return `${pageId}/${psid}`;
}
