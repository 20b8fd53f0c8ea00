import { dedupeTokenRows, type IndexedRow } from './dedupeRows';
import { compareText } from './ordering';
import type { TokenRow } from './tokenRow';
import { expiresWithin, standingOf } from './tokenStanding';

export type TokenSummary = {
	pageId: string;
	topic: string | null;
	/** Distinct tokenIds. */
	tokens: number;
	/** Distinct subscribers holding at least one available token. */
	subscribers: number;
	/** Available and unexpired, cooling down or not. */
	available: number;
	coolingDown: number;
	used: number;
	/** Marked expired, or still `available` with its expiry passed. */
	expired: number;
	revoked: number;
	failed: number;
	/** Available tokens whose expiry falls within the next `expiringWithinDays` days. */
	expiringSoon: number;
	expiringWithinDays: number;
};

export interface Summarized<T> {
	summary: T;
	itemIndexes: number[];
}

function emptySummary(pageId: string, topic: string | null, expiringWithinDays: number): TokenSummary {
	return { pageId, topic, tokens: 0, subscribers: 0, available: 0, coolingDown: 0, used: 0, expired: 0, revoked: 0, failed: 0, expiringSoon: 0, expiringWithinDays };
}

/** One summary per Page and topic, counting each tokenId once, as the rows stand at `now`. */
export function summarizeTokens(
	rows: Array<IndexedRow<TokenRow>>,
	options: { now: Date; expiringWithinDays: number },
): Array<Summarized<TokenSummary>> {
	const groups = new Map<string, Summarized<TokenSummary> & { reachable: Set<string> }>();
	for (const { row, itemIndexes } of dedupeTokenRows(rows)) {
		const key = JSON.stringify([row.pageId, row.topic]);
		let group = groups.get(key);
		if (!group) {
			group = { summary: emptySummary(row.pageId, row.topic, options.expiringWithinDays), itemIndexes: [], reachable: new Set() };
			groups.set(key, group);
		}
		const { summary } = group;
		group.itemIndexes.push(...itemIndexes);
		summary.tokens++;
		const standing = standingOf(row, options.now);
		if (standing === 'eligible' || standing === 'coolingDown') {
			summary.available++;
			group.reachable.add(row.psid);
			if (standing === 'coolingDown') summary.coolingDown++;
			if (expiresWithin(row, options.now, options.expiringWithinDays)) summary.expiringSoon++;
		} else if (standing === 'expired') summary.expired++;
		else summary[row.status as 'used' | 'expired' | 'revoked' | 'failed']++;
	}
	return [...groups.values()]
		.map(({ summary, itemIndexes, reachable }) => ({ summary: { ...summary, subscribers: reachable.size }, itemIndexes }))
		.sort((a, b) => compareText(a.summary.pageId, b.summary.pageId) || compareText(a.summary.topic, b.summary.topic));
}
