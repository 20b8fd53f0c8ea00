import { dedupeTokenRows, type DistinctRow, type IndexedRow } from './dedupeRows';
import { compareText, spendingOrder } from './ordering';
import type { RowUpdate } from './rowUpdate';
import { shardOf } from './shardOf';
import type { TokenRow } from './tokenRow';
import { standingOf } from './tokenStanding';

export interface SelectionOptions {
	/** null: every topic. */
	topic: string | null;
	/** null: every Page. */
	pageId: string | null;
	/** Only these subscribers (a test audience); empty: everyone. */
	testPsids: string[];
	/** At most this many rows; null: no cap. */
	maxRows: number | null;
	/** This execution's part of an audience split across executions; absent: the whole audience. */
	shard?: Shard;
	now: Date;
}

export interface Shard {
	/** How many shards the audience is split into. */
	count: number;
	/** Which one this is, 1..count. */
	number: number;
}

export interface TopicCounts {
	topic: string | null;
	eligible: number;
	expired: number;
	extraTokens: number;
}

export interface SelectionCounts {
	/** Rows in, copies of one tokenId included. */
	rows: number;
	/** Extra copies of a tokenId, counted once. */
	duplicates: number;
	/** Other topics, Pages, or subscribers outside the test PSIDs; left untouched. */
	outsideSelection: number;
	/** Rows in the selection whose subscriber belongs to another shard; that shard handles them. */
	otherShards: number;
	eligible: number;
	expired: number;
	/** Further eligible tokens of a subscriber and topic that already has one selected. */
	extraTokens: number;
	coolingDown: number;
	/** The soonest a cooling-down row may be sent again; null when none is cooling down. */
	earliestNextEligibleAt: string | null;
	/** used, expired, revoked or failed already. */
	spent: number;
	/** Eligible subscribers beyond the cap. */
	overCap: number;
	byTopic: TopicCounts[];
	/** The Pages of the eligible rows, in order: a broadcast sends for one Page only. */
	eligiblePages: string[];
}

export interface Selection {
	/** At most one row per subscriber, Page and topic. */
	eligible: Array<DistinctRow<TokenRow>>;
	/** Rows still `available` in the store whose expiry has passed, to write back as `expired`. */
	statusChanges: RowUpdate[];
	counts: SelectionCounts;
}

function inSelection(row: TokenRow, options: SelectionOptions): boolean {
	if (options.topic !== null && row.topic !== options.topic) return false;
	if (options.pageId !== null && row.pageId !== options.pageId) return false;
	return options.testPsids.length === 0 || options.testPsids.includes(row.psid);
}

function topicCounts(byTopic: Map<string | null, TopicCounts>, topic: string | null): TopicCounts {
	let counts = byTopic.get(topic);
	if (!counts) {
		counts = { topic, eligible: 0, expired: 0, extraTokens: 0 };
		byTopic.set(topic, counts);
	}
	return counts;
}

/**
 * Which token rows a broadcast may use now, and which need writing back as expired. One row per
 * subscriber per topic: the token that expires first is spent first, the others are held back.
 */
export function selectRowsForBroadcast(rows: Array<IndexedRow<TokenRow>>, options: SelectionOptions): Selection {
	const distinct = dedupeTokenRows(rows);
	const byTopic = new Map<string | null, TopicCounts>();
	const candidates = new Map<string, Array<DistinctRow<TokenRow>>>();
	const statusChanges: RowUpdate[] = [];
	const counts = { rows: rows.length, duplicates: rows.length - distinct.length, outsideSelection: 0, otherShards: 0, coolingDown: 0, spent: 0 };
	let earliestNextEligibleAt: string | null = null;

	for (const entry of distinct) {
		const { row } = entry;
		if (!inSelection(row, options)) {
			counts.outsideSelection++;
			continue;
		}
		// Left out of both outputs, expired rows included: the owning shard writes them back, and a
		// second write-back here would race with it.
		if (options.shard && shardOf(row.pageId, row.psid, options.shard.count) !== options.shard.number) {
			counts.otherShards++;
			continue;
		}
		const standing = standingOf(row, options.now);
		if (standing === 'expired') {
			statusChanges.push({ key: { tokenId: row.tokenId }, set: { status: 'expired' }, itemIndexes: entry.itemIndexes });
			topicCounts(byTopic, row.topic).expired++;
		} else if (standing === 'coolingDown') {
			counts.coolingDown++;
			if (earliestNextEligibleAt === null || compareText(row.nextEligibleAt, earliestNextEligibleAt) < 0) earliestNextEligibleAt = row.nextEligibleAt;
		} else if (standing === 'spent') counts.spent++;
		else {
			const key = JSON.stringify([row.pageId, row.psid, row.topic]);
			candidates.set(key, [...(candidates.get(key) ?? []), entry]);
		}
	}

	const chosen: Array<DistinctRow<TokenRow>> = [];
	for (const tokens of candidates.values()) {
		const [first, ...extra] = tokens.sort((a, b) => spendingOrder(a.row, b.row));
		chosen.push(first);
		topicCounts(byTopic, first.row.topic).extraTokens += extra.length;
	}
	chosen.sort((a, b) => spendingOrder(a.row, b.row));
	const eligible = options.maxRows === null ? chosen : chosen.slice(0, options.maxRows);
	for (const { row } of eligible) topicCounts(byTopic, row.topic).eligible++;

	const perTopic = [...byTopic.values()].sort((a, b) => compareText(a.topic, b.topic));
	return {
		eligible,
		statusChanges,
		counts: {
			...counts,
			earliestNextEligibleAt,
			eligible: eligible.length,
			expired: statusChanges.length,
			extraTokens: perTopic.reduce((sum, topic) => sum + topic.extraTokens, 0),
			overCap: chosen.length - eligible.length,
			byTopic: perTopic,
			eligiblePages: [...new Set(eligible.map(({ row }) => String(row.pageId)))].sort(),
		},
	};
}
