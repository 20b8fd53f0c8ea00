import { newPsid } from '../core/ids';

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
	createdAt: number;
	/** Last message, postback or quick reply from the subscriber: opens the windows. */
	lastUserActionAt: number | null;
	lastOptInRequest: OptInRequestRecord | null;
	/** notification_messages titles already requested, with when (reference §2.2 weekly rule). */
	marketingRequestTitles: Record<string, number>;
	/** How many of the messages received so far the subscriber's Messenger reported delivered and read. */
	receipts: { delivered: number; read: number };
}

export class Subscribers {
	private readonly byKey = new Map<string, SubscriberRecord>();

	create(pageId: string, options: { psid?: string; name?: string }, now: number): SubscriberRecord {
		let psid = options.psid ?? newPsid();
		while (options.psid === undefined && this.byKey.has(key(pageId, psid))) psid = newPsid();
		if (this.byKey.has(key(pageId, psid))) throw new Error(`subscriber ${psid} already exists on page ${pageId}`);
		const subscriber: SubscriberRecord = {
			pageId,
			psid,
			name: options.name ?? `Subscriber ${psid.slice(-4)}`,
			createdAt: now,
			lastUserActionAt: null,
			lastOptInRequest: null,
			marketingRequestTitles: {},
			receipts: { delivered: 0, read: 0 },
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
