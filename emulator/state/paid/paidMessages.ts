/**
 * Marketing messages sent through the paid API (docs/meta-platform.md §3.4), by tracking id: what the
 * subscriber's Messenger has reported so far, and whether delivery failed. The message itself
 * is also in the ground-truth deliveries (`via: 'subscription_token'`).
 */

export interface PaidMessageRecord {
	trackingId: string;
	/** The Messenger message id (`mid` of the webhooks). */
	messageId: string;
	campaignId: string;
	adAccountId: string;
	pageId: string;
	psid: string;
	token: string;
	/** The app whose system user sent it (`app_id` of the webhooks). */
	appId: string;
	priceCents: number;
	/** Emulator clock, ms. */
	at: number;
	deliveredReportedAt: number | null;
	readReportedAt: number | null;
	clickedReportedAt: number | null;
	failedAt: number | null;
	failureMessage: string | null;
}

export interface PaidMessageFilter {
	pageId?: string;
	psid?: string;
	token?: string;
	campaignId?: string;
}

export class PaidMessages {
	private readonly records: PaidMessageRecord[] = [];

	add(record: PaidMessageRecord): PaidMessageRecord {
		this.records.push(record);
		return record;
	}

	get(trackingId: string): PaidMessageRecord | undefined {
		return this.records.find((record) => record.trackingId === trackingId);
	}

	/** Oldest first. */
	list(filter: PaidMessageFilter = {}): PaidMessageRecord[] {
		return this.records.filter(
			(record) =>
				(filter.pageId === undefined || record.pageId === filter.pageId) &&
				(filter.psid === undefined || record.psid === filter.psid) &&
				(filter.token === undefined || record.token === filter.token) &&
				(filter.campaignId === undefined || record.campaignId === filter.campaignId),
		);
	}

	/** When the token last got a paid message, failed deliveries included: they were sent. */
	lastSentAt(token: string): number | undefined {
		const sent = this.list({ token });
		return sent.length === 0 ? undefined : sent[sent.length - 1].at;
	}

	clear(): void {
		this.records.length = 0;
	}
}
