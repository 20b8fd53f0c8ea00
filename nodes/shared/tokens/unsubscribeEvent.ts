import { eventIdOf } from '../webhook/eventId';

/**
 * What Request OTN's Unsubscribe puts out: an event in the trigger's item shape, so the same Apply
 * Event that takes the trigger's stops revokes the rows (Meta sends no webhook for it,
 * docs/meta-platform.md §3.2). Meta unsubscribes at the Page level: by PSID, every token of the subscriber; by token, that
 * token's subscriber. The token itself is not repeated, only its tokenId.
 */
export interface UnsubscribeEvent {
	[key: string]: string | number | boolean | null;
	eventId: string;
	type: 'marketing_unsubscribe';
	pageId: string;
	psid: string | null;
	tokenId: string | null;
	timestamp: string;
	/** Meta matched the row to a subscriber (`invalid_rows_count` 0). */
	matched: boolean;
	invalidRowsCount: number;
}

export function unsubscribeEvent(input: { pageId: string; psid: string | null; tokenId: string | null; at: Date; invalidRowsCount: number }): UnsubscribeEvent {
	const timestamp = input.at.toISOString();
	return {
		eventId: eventIdOf(input.pageId, { unsubscribe: { psid: input.psid, tokenId: input.tokenId, timestamp } }),
		type: 'marketing_unsubscribe',
		pageId: input.pageId,
		psid: input.psid,
		tokenId: input.tokenId,
		timestamp,
		matched: input.invalidRowsCount === 0,
		invalidRowsCount: input.invalidRowsCount,
	};
}
