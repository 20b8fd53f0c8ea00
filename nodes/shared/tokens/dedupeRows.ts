import { compareText } from './ordering';
import type { TokenRow, TokenStatus } from './tokenRow';

/** One row of the input and where it came from. */
export interface IndexedRow<T> {
	row: T;
	itemIndex: number;
}

/** One key, however often the store holds it, and every input item that held it. */
export interface DistinctRow<T> {
	row: T;
	itemIndexes: number[];
}

/**
 * Each key once, in the order first seen, represented by the copy that `outranks` the others.
 * A Data Table has no unique index, so two copies of one opt-in can both be inserted; they must
 * never count or send twice.
 */
export function dedupeRows<T>(
	rows: Array<IndexedRow<T>>,
	keyOf: (row: T) => string,
	outranks: (candidate: T, current: T) => boolean,
): Array<DistinctRow<T>> {
	const byKey = new Map<string, DistinctRow<T>>();
	for (const { row, itemIndex } of rows) {
		const key = keyOf(row);
		const seen = byKey.get(key);
		if (!seen) {
			byKey.set(key, { row, itemIndexes: [itemIndex] });
			continue;
		}
		seen.itemIndexes.push(itemIndex);
		if (outranks(row, seen.row)) seen.row = row;
	}
	return [...byKey.values()];
}

/** A copy that says the token is spent outranks one that says it is available: never send twice. */
export const STATUS_RANK: Record<TokenStatus, number> = { available: 0, expired: 1, failed: 2, revoked: 3, used: 4 };

/** The most advanced status, then the latest send, then the latest cool-down. */
function tokenRowOutranks(candidate: TokenRow, current: TokenRow): boolean {
	return (
		(STATUS_RANK[candidate.status] - STATUS_RANK[current.status] ||
			compareText(candidate.lastSentAt, current.lastSentAt) ||
			compareText(candidate.nextEligibleAt, current.nextEligibleAt)) > 0
	);
}

/** The same tokenId once. */
export function dedupeTokenRows(rows: Array<IndexedRow<TokenRow>>): Array<DistinctRow<TokenRow>> {
	return dedupeRows(rows, (row) => row.tokenId, tokenRowOutranks);
}
