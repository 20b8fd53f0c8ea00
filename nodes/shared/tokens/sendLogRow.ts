/**
 * The send log (README, "The token row" and "The send log's failure columns"): the Broadcast's
 * "Sent" items, appended to a second table, one row per send, so a marketing token sent to again and
 * again keeps its figures per campaign.
 */
export interface SendLogRow {
	campaign: string;
	tokenId: string;
	pageId: string;
	psid: string;
	/** Empty where Meta refused a retried send as already spent ("sent, unconfirmed"). */
	messageId: string | null;
	sentAt: string;
	deliveredAt: string | null;
	readAt: string | null;
	clickedAt: string | null;
	/** The paid Marketing Message API said the message could not be delivered (docs/meta-platform.md §3.5). */
	failedAt: string | null;
	/** Why, in Meta's words. */
	error: string | null;
	/** The variant (A to D) sent, when the campaign had variants. */
	variant: string | null;
}

export const SEND_LOG_COLUMNS = [
	'campaign',
	'tokenId',
	'pageId',
	'psid',
	'messageId',
	'sentAt',
	'deliveredAt',
	'readAt',
	'clickedAt',
	'failedAt',
	'error',
	'variant',
] as const satisfies ReadonlyArray<keyof SendLogRow>;
