import { dedupeRows, type DistinctRow, type IndexedRow } from './dedupeRows';
import { idCell, tokenCell, tokenIdCell } from './rowCells';
import { checkRow, type Raw, type RowCheck, RowReader } from './rowProblem';
import { tokenIdOf } from './tokenId';

/** What identifies a stored row (token row or send log row) and whose it is. */
export type SubscriberRow = {
	tokenId: string;
	pageId: string | null;
	psid: string;
};

/**
 * Reads only what a deletion needs, so a row whose other columns are broken can still be
 * forgotten; a row whose owner cannot be told is a problem, never skipped.
 */
export function readSubscriberRow(raw: Raw): RowCheck<SubscriberRow> {
	return checkRow(() => {
		const read: RowReader = new RowReader(raw, raw.token);
		const token = read.cell('token', tokenCell);
		const tokenId = read.cell('tokenId', tokenIdCell) ?? (token === null ? null : tokenIdOf(token));
		if (tokenId === null) read.fail('tokenId', 'columns "tokenId" and "token" are both empty');
		return { tokenId, pageId: read.cell('pageId', idCell), psid: read.required('psid', idCell) };
	});
}

export interface Subscriber {
	psid: string;
	/** null: any Page. */
	pageId: string | null;
}

/**
 * The rows of the subscriber each row was looked up for (of one Page, when given), each tokenId
 * once: what to delete.
 */
export function rowsToForget(
	rows: Array<IndexedRow<SubscriberRow>>,
	subscriberOf: (itemIndex: number) => Subscriber,
): Array<DistinctRow<SubscriberRow>> {
	const theirs = rows.filter(({ row, itemIndex }) => {
		const subscriber = subscriberOf(itemIndex);
		return row.psid === subscriber.psid && (subscriber.pageId === null || row.pageId === subscriber.pageId);
	});
	return dedupeRows(theirs, (row) => row.tokenId, () => false);
}
