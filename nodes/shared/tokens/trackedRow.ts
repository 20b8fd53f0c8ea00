import type { RowKey } from './rowUpdate';
import type { SendLogRow } from './sendLogRow';
import type { TokenRow, TokenStatus } from './tokenRow';

/**
 * One send as delivery, read and campaign figures see it, from a token row (its last send) or
 * from a send log row (one send of many).
 */
export interface TrackedRow {
	key: RowKey;
	tokenId: string;
	pageId: string;
	psid: string;
	campaign: string | null;
	messageId: string | null;
	/** A token row's lastSentAt, a send log row's sentAt. */
	sentAt: string | null;
	deliveredAt: string | null;
	readAt: string | null;
	clickedAt: string | null;
	/** A failed paid delivery; send log rows only (a token row records it in `error`). */
	failedAt: string | null;
	/** Null for send log rows, which have no status. */
	status: TokenStatus | null;
	error: string | null;
	/** The variant sent, when the campaign had variants. */
	variant: string | null;
}

export function trackTokenRow(row: TokenRow): TrackedRow {
	return {
		key: { tokenId: row.tokenId },
		tokenId: row.tokenId,
		pageId: row.pageId,
		psid: row.psid,
		campaign: row.campaign,
		messageId: row.messageId,
		sentAt: row.lastSentAt,
		deliveredAt: row.deliveredAt,
		readAt: row.readAt,
		clickedAt: row.clickedAt,
		failedAt: null,
		status: row.status,
		error: row.error,
		variant: row.variant ?? null,
	};
}

/** Send log rows are found by campaign and tokenId, token rows by tokenId alone. */
export function isSendLogRow(row: TrackedRow): boolean {
	return 'campaign' in row.key;
}

export function trackSendLogRow(row: SendLogRow): TrackedRow {
	return {
		key: { campaign: row.campaign, tokenId: row.tokenId },
		tokenId: row.tokenId,
		pageId: row.pageId,
		psid: row.psid,
		campaign: row.campaign,
		messageId: row.messageId,
		sentAt: row.sentAt,
		deliveredAt: row.deliveredAt,
		readAt: row.readAt,
		clickedAt: row.clickedAt,
		failedAt: row.failedAt,
		status: null,
		error: row.error,
		variant: row.variant,
	};
}
