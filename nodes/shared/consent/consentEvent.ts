/**
 * One line of a subscriber's consent history: what they agreed to, stopped, resumed or left, and
 * what was sent under that consent. Flat, so it fits a sheet, a Data Table or a CSV file.
 */
export const CONSENT_EVENT_TYPES = ['opted_in', 'sent', 'stopped', 'resumed', 'unsubscribed', 'revoked', 'expired'] as const;
export type ConsentEventType = (typeof CONSENT_EVENT_TYPES)[number];

export type ConsentEvent = {
	pageId: string;
	psid: string;
	/** Null for an unsubscribe, which covers every topic of the Page. */
	topic: string | null;
	event: ConsentEventType;
	/** ISO time; null where the rows do not record when (a revoked row without its stop event). */
	at: string | null;
	tokenId: string | null;
	tokenType: string | null;
	/** opted_in: the text the subscriber saw above the button, where the row holds it. */
	title: string | null;
	campaign: string | null;
	messageId: string | null;
	deliveredAt: string | null;
	readAt: string | null;
	clickedAt: string | null;
	failedAt: string | null;
	/** What the record cannot say, or where a line comes from. */
	note: string | null;
};

export const CONSENT_EVENT_COLUMNS = [
	'pageId',
	'psid',
	'topic',
	'event',
	'at',
	'tokenId',
	'tokenType',
	'title',
	'campaign',
	'messageId',
	'deliveredAt',
	'readAt',
	'clickedAt',
	'failedAt',
	'note',
] as const satisfies ReadonlyArray<keyof ConsentEvent>;
