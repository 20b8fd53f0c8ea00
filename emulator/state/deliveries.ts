import { Listeners } from '../core/listeners';

/** Ground truth: every message a subscriber actually received, whatever the caller heard. */

/** `subscription_token`: a paid message of the Marketing Message API (docs/meta-platform.md §3.4). */
export type DeliveryVia = 'psid' | 'one_time_notif_token' | 'notification_messages_token' | 'subscription_token';

export interface DeliveryRecord {
	pageId: string;
	psid: string;
	messageId: string;
	message: Record<string, unknown>;
	via: DeliveryVia;
	/** The token the send used; absent for PSID sends. */
	token?: string;
	messagingType?: string;
	tag?: string;
	/** Paid messages: their tracking id and campaign. */
	trackingId?: string;
	campaignId?: string;
	/** Emulator clock, ms since the epoch. */
	at: number;
}

export interface DeliveryFilter {
	pageId?: string;
	psid?: string;
	token?: string;
	via?: DeliveryVia;
}

export class Deliveries {
	private readonly records: DeliveryRecord[] = [];
	private readonly added = new Listeners<DeliveryRecord>();

	add(record: DeliveryRecord): void {
		this.records.push(record);
		// The subscriber's Messenger may report delivery at once (automatic receipts).
		this.added.tell(record);
	}

	onAdd(listener: (record: DeliveryRecord) => void): () => void {
		return this.added.add(listener);
	}

	list(filter: DeliveryFilter = {}): DeliveryRecord[] {
		return this.records.filter(
			(record) =>
				(filter.pageId === undefined || record.pageId === filter.pageId) &&
				(filter.psid === undefined || record.psid === filter.psid) &&
				(filter.token === undefined || record.token === filter.token) &&
				(filter.via === undefined || record.via === filter.via),
		);
	}

	clear(): void {
		this.records.length = 0;
	}
}
