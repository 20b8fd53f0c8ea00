/**
 * Select for Broadcast over an audience read in pages: the store's rows ordered by psid, Page Size of
 * them after the previous page's `after`. Every subscriber and topic gets one token in the campaign,
 * a run that stopped part-way picks up where the write-back stopped, and a re-run sends nothing.
 */
import { NodeOperationError, type IDataObject, type INodeExecutionData, type NodeExecutionHint } from 'n8n-workflow';

import { selectForBroadcast as selectOperation } from '../../../nodes/OtnTokenStore/resources/token/selectForBroadcast.operation';
import { audiencePage } from '../../../nodes/shared/tokens/audiencePage';
import { compareText } from '../../../nodes/shared/tokens/ordering';
import { selectRowsForBroadcast } from '../../../nodes/shared/tokens/selectForBroadcast';
import type { TokenRow } from '../../../nodes/shared/tokens/tokenRow';
import { fakeExecuteContext } from '../requestOtn/fakeExecuteContext';
import { indexed, NOW, tokenRow } from './tokenRows';

const LONG_AGO = '2026-11-01T00:00:00.000Z';
const psid = (i: number) => `1254459154${String(i).padStart(6, '0')}`;

/**
 * Subscribers in a random order of opt-in, each with a deals token; every third a second deals token,
 * every fifth an expired one, every seventh a news token, every eleventh cooling down.
 */
function audience(size: number, { secondTokens = true } = {}): TokenRow[] {
	const rows = Array.from({ length: size }, (_, i) => [
		tokenRow(`A${i}`, { psid: psid(i), nextEligibleAt: i % 11 === 0 ? '2026-11-28T00:00:00.000Z' : null }),
		...(secondTokens && i % 3 === 0 ? [tokenRow(`B${i}`, { psid: psid(i), expiresAt: '2027-09-01T00:00:00.000Z' })] : []),
		...(i % 5 === 0 ? [tokenRow(`C${i}`, { psid: psid(i), expiresAt: LONG_AGO })] : []),
		...(i % 7 === 0 ? [tokenRow(`D${i}`, { psid: psid(i), topic: 'news' })] : []),
	]).flat();
	return rows.sort((a, b) => compareText(a.tokenId, b.tokenId));
}

/** A store as the templates read it: available rows, ordered by psid, after a psid, Page Size at most. */
class Store {
	readonly rows: TokenRow[];
	readonly sent: string[] = [];

	constructor(rows: TokenRow[]) {
		this.rows = rows.map((row) => ({ ...row }));
	}

	readPage(after: string | null, pageSize: number): TokenRow[] {
		return this.rows
			.filter((row) => row.status === 'available' && (after === null || compareText(row.psid, after) > 0))
			.sort((a, b) => compareText(a.psid, b.psid))
			.slice(0, pageSize);
	}

	/** Selects, sends and writes back one page; returns where the next one starts. */
	sendPage(after: string | null, pageSize: number, topic: string | null = null): { after: string | null; morePages: boolean } {
		const read = this.readPage(after, pageSize);
		const result = audiencePage(indexed(read), read.length, pageSize);
		if ('problem' in result) throw new Error(result.problem.kind);
		const selection = selectRowsForBroadcast(result.page.rows, { topic, pageId: null, testPsids: [], maxRows: null, now: NOW });
		for (const { row } of selection.eligible) {
			this.sent.push(row.tokenId);
			this.write(row.tokenId, 'used');
		}
		for (const update of selection.statusChanges) this.write(update.key.tokenId, 'expired');
		return { after: result.page.after, morePages: result.page.morePages };
	}

	/**
	 * Pages from `after` until the last one, or until `stopAfterPages` (a run that crashed after
	 * writing those back); returns the `after` of the last page written back.
	 */
	campaign(pageSize: number, options: { after?: string | null; stopAfterPages?: number } = {}): { pages: number; after: string | null } {
		let next: { after: string | null; morePages: boolean } = { after: options.after ?? null, morePages: true };
		let pages = 0;
		while (next.morePages && pages < (options.stopAfterPages ?? Infinity)) {
			next = this.sendPage(next.after, pageSize);
			pages++;
		}
		return { pages, after: next.after };
	}

	private write(tokenId: string, status: TokenRow['status']): void {
		for (const row of this.rows) if (row.tokenId === tokenId) row.status = status;
	}
}

const wholeSelection = (rows: TokenRow[]) => selectRowsForBroadcast(indexed(rows), { topic: null, pageId: null, testPsids: [], maxRows: null, now: NOW });

describe('one page of an audience', () => {
	const rows = [tokenRow('a', { psid: '1' }), tokenRow('b', { psid: '2' }), tokenRow('c', { psid: '3' }), tokenRow('d', { psid: '3' })];

	it('takes every row of a page that is not full, and says it is the last', () => {
		const result = audiencePage(indexed(rows), 4, 5);
		expect(result).toEqual({ page: { rows: indexed(rows), heldForNextPage: 0, after: '3', morePages: false } });
	});

	it('leaves the last subscriber of a full page to the next page, which starts after the one before', () => {
		const result = audiencePage(indexed(rows), 4, 4);
		expect(result).toEqual({ page: { rows: indexed(rows).slice(0, 2), heldForNextPage: 2, after: '2', morePages: true } });
	});

	it('counts unreadable items as read: a page is full by what the store returned', () => {
		const result = audiencePage(indexed(rows.slice(0, 3)), 4, 4);
		expect(result).toMatchObject({ page: { heldForNextPage: 1, after: '2', morePages: true } });
	});

	it('refuses rows that are not in psid order', () => {
		expect(audiencePage(indexed([rows[1], rows[0]]), 2, 5)).toEqual({ problem: { kind: 'unordered', itemIndex: 1, previousPsid: '2', psid: '1' } });
	});

	it('refuses a full page of one subscriber: it could never move on', () => {
		expect(audiencePage(indexed(rows.slice(2)), 2, 2)).toEqual({ problem: { kind: 'noSubscriberWhole', itemIndex: 1, pageSize: 2 } });
	});
});

describe('a campaign in pages', () => {
	it.each([7, 37, 500])('sends what one selection of the whole audience sends, once each (Page Size %i)', (pageSize) => {
		const rows = audience(300);
		const store = new Store(rows);
		const { pages } = store.campaign(pageSize);
		const whole = wholeSelection(rows);
		expect(new Set(store.sent).size).toBe(store.sent.length);
		expect([...store.sent].sort()).toEqual(whole.eligible.map(({ row }) => row.tokenId).sort());
		expect(
			store.rows
				.filter((row) => row.status === 'expired')
				.map((row) => row.tokenId)
				.sort(),
		).toEqual(whole.statusChanges.map((update) => update.key.tokenId).sort());
		if (pageSize < rows.length) expect(pages).toBeGreaterThan(1);
	});

	it('sends no token twice when run again: only the extra tokens the first run held back can go', () => {
		const rows = audience(300);
		const store = new Store(rows);
		store.campaign(37);
		const first = store.sent.length;
		store.campaign(37);
		const second = store.sent.slice(first);
		expect(new Set(store.sent).size).toBe(store.sent.length);
		const heldBack = new Set(
			rows.filter((row) => row.topic === 'deals' && row.expiresAt !== LONG_AGO && row.nextEligibleAt === null).map((row) => row.tokenId),
		);
		for (const tokenId of second) expect(heldBack).toContain(tokenId);
		// With one token per subscriber and topic, nothing at all.
		const single = new Store(audience(300, { secondTokens: false }));
		single.campaign(37);
		const once = single.sent.length;
		single.campaign(37);
		expect(single.sent.length).toBe(once);
	});

	it('resumes a run that stopped part-way after the last page written back: the rest once, nothing twice', () => {
		const rows = audience(300);
		const store = new Store(rows);
		const crashed = store.campaign(37, { stopAfterPages: 3 });
		expect(crashed.pages).toBe(3);
		const beforeCrash = store.sent.length;
		expect(beforeCrash).toBeGreaterThan(0);
		store.campaign(37, { after: crashed.after });
		expect(store.sent.length).toBeGreaterThan(beforeCrash);
		expect(new Set(store.sent).size).toBe(store.sent.length);
		expect([...store.sent].sort()).toEqual(
			wholeSelection(rows)
				.eligible.map(({ row }) => row.tokenId)
				.sort(),
		);
	});

	it('never sends two tokens of one subscriber and topic, even when a page ends inside their rows', () => {
		const store = new Store(audience(300));
		store.campaign(7);
		const sentRows = store.rows.filter((row) => store.sent.includes(row.tokenId));
		const keys = sentRows.map((row) => `${row.psid}/${row.topic}`);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describe('the Select for Broadcast operation with Page Size', () => {
	function run(options: IDataObject, rows: TokenRow[]) {
		const hints: NodeExecutionHint[] = [];
		const { context } = fakeExecuteContext({ parameters: { topic: '', pageId: '', options }, items: rows as unknown as IDataObject[] });
		Object.assign(context, { addExecutionHints: (...added: NodeExecutionHint[]) => hints.push(...added) });
		return { outputs: () => selectOperation.call(context) as INodeExecutionData[][], hints };
	}
	const page = [tokenRow('a', { psid: '1' }), tokenRow('b', { psid: '2' }), tokenRow('c', { psid: '3' })];

	it('puts out where the next page starts as one item on a third output', () => {
		const { outputs, hints } = run({ pageSize: 3 }, page);
		const [eligible, expired, nextPage] = outputs();
		expect(eligible.map((item) => item.json.psid).sort()).toEqual(['1', '2']);
		expect(expired).toEqual([]);
		expect(nextPage).toEqual([{ json: { after: '2', morePages: true, pageSize: 3, rowsRead: 3, eligible: 2, heldForNextPage: 1 }, pairedItem: { item: 2 } }]);
		expect(hints[0].message).toMatch(/^Paged: 1 row of its last subscriber left for the next page, more pages follow\. 2 rows eligible/);
		expect(hints[0].message).not.toContain('1254');
	});

	it('says when a page is the last', () => {
		const [, , nextPage] = run({ pageSize: 5 }, page).outputs();
		expect(nextPage[0].json).toMatchObject({ after: '3', morePages: false, eligible: 3, heldForNextPage: 0 });
	});

	it('keeps its two outputs without Page Size', () => {
		expect(run({}, page).outputs()).toHaveLength(2);
	});

	it.each([
		[{ pageSize: 3 }, [page[1], page[0], page[2]], 'The rows are not ordered by psid: 2 comes before 1', 'Order By psid, Ascending'],
		[{ pageSize: 2 }, [page[0], { ...page[1], psid: '1' }], "No subscriber's rows fit whole in this full page of 2 rows", 'Raise Page Size'],
		[{ pageSize: 1 }, page, 'Page Size must be a whole number of at least 2, not 1', "Set Page Size to the reading node's limit"],
	])('refuses %j and says how to fix it, selecting nothing', (options, rows, message, description) => {
		let error: unknown;
		try {
			run(options, rows).outputs();
		} catch (thrown) {
			error = thrown;
		}
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toContain(message);
		expect((error as NodeOperationError).description).toContain(description);
	});
});
