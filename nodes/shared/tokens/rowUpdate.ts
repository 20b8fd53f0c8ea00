/**
 * What a store must write for one row: the key columns that find it, and only the columns that
 * change, so an Update node (Data Table, Postgres, Sheets …) can apply it as it is and a
 * concurrent write to other columns is never overwritten.
 */

/** A token row is found by tokenId (every copy of it); a send log row by campaign and tokenId. */
export type RowKey = { tokenId: string } | { campaign: string; tokenId: string };

export type UpdatedColumn = 'status' | 'error' | 'deliveredAt' | 'readAt' | 'clickedAt' | 'failedAt';

export interface RowUpdate {
	key: RowKey;
	set: Partial<Record<UpdatedColumn, string | null>>;
	/** The input items that held the row. */
	itemIndexes: number[];
}

export function keyText(key: RowKey): string {
	return 'campaign' in key ? JSON.stringify([key.campaign, key.tokenId]) : key.tokenId;
}

/** The item an Update node takes: key columns first, then the new values. */
export function updateJson(update: RowUpdate): Record<string, string | null> {
	return { ...update.key, ...update.set };
}
