/** Select for Broadcast: one sendable token per subscriber and topic, expired rows to write back. */
import { selectRowsForBroadcast, type SelectionOptions } from '../../../nodes/shared/tokens/selectForBroadcast';
import type { TokenRow } from '../../../nodes/shared/tokens/tokenRow';
import { indexed, NOW, PAGE, tokenRow } from './tokenRows';

const everything: SelectionOptions = { topic: null, pageId: null, testPsids: [], maxRows: null, now: NOW };

function select(rows: TokenRow[], options: Partial<SelectionOptions> = {}) {
	return selectRowsForBroadcast(indexed(rows), { ...everything, ...options });
}

const ids = (entries: Array<{ row: TokenRow }>) => entries.map(({ row }) => row.tokenId);

describe('Select for Broadcast', () => {
	it('takes one token per subscriber and topic: the one that expires first; the others are held back', () => {
		const later = tokenRow('A2', { optedInAt: '2026-08-01T00:00:00.000Z', expiresAt: '2027-08-01T00:00:00.000Z' });
		const sooner = tokenRow('A1', { optedInAt: '2026-02-01T00:00:00.000Z', expiresAt: '2027-02-01T00:00:00.000Z' });
		const other = tokenRow('B1', { psid: 'psid-b' });
		const selection = select([later, sooner, other]);
		expect(ids(selection.eligible)).toEqual([sooner.tokenId, other.tokenId]);
		expect(selection.counts).toMatchObject({ eligible: 2, extraTokens: 1, expired: 0 });
	});

	it('uses an expiring one-time token before a marketing token that never expires', () => {
		const marketing = tokenRow('M', { tokenType: 'marketing', expiresAt: null });
		const oneTime = tokenRow('O');
		expect(ids(select([marketing, oneTime]).eligible)).toEqual([oneTime.tokenId]);
	});

	it('takes a marketing token only once its cool-down has passed', () => {
		const cooling = tokenRow('M1', { tokenType: 'marketing', expiresAt: null, nextEligibleAt: '2026-11-28T00:00:00.000Z' });
		const ready = tokenRow('M2', { tokenType: 'marketing', expiresAt: null, psid: 'psid-b', nextEligibleAt: '2026-11-27T11:00:00.000Z' });
		const selection = select([cooling, ready]);
		expect(ids(selection.eligible)).toEqual([ready.tokenId]);
		expect(selection.counts.coolingDown).toBe(1);
	});

	it('skips rows that are not available, and puts available rows past their expiry on the second output', () => {
		const rows = [
			tokenRow('U', { status: 'used' }),
			tokenRow('R', { status: 'revoked', psid: 'psid-b' }),
			tokenRow('F', { status: 'failed', psid: 'psid-c' }),
			tokenRow('E', { status: 'expired', psid: 'psid-d' }),
			tokenRow('X', { psid: 'psid-e', expiresAt: '2026-11-27T11:59:59.999Z' }),
		];
		const selection = select(rows);
		expect(selection.eligible).toEqual([]);
		expect(selection.statusChanges).toEqual([{ key: { tokenId: rows[4].tokenId }, set: { status: 'expired' }, itemIndexes: [4] }]);
		expect(selection.counts).toMatchObject({ spent: 4, expired: 1 });
	});

	it('counts and sends a tokenId the store holds twice once, and trusts the copy that says it is spent', () => {
		const row = tokenRow('A');
		const twice = select([row, { ...row }, tokenRow('B', { psid: 'psid-b' })]);
		expect(twice.eligible.map(({ itemIndexes }) => itemIndexes).sort()).toEqual([[0, 1], [2]]);
		expect(twice.counts).toMatchObject({ rows: 3, duplicates: 1, eligible: 2 });
		const spentCopy = select([row, { ...row, status: 'used', lastSentAt: '2026-11-20T00:00:00.000Z' }]);
		expect(spentCopy.eligible).toEqual([]);
		expect(spentCopy.counts.spent).toBe(1);
	});

	it('keeps to one topic and one Page when asked, and leaves other rows untouched', () => {
		const deals = tokenRow('D');
		const news = tokenRow('N', { topic: 'news', expiresAt: '2026-01-01T00:00:00.000Z' });
		const otherPage = tokenRow('P', { pageId: '200000000000002', psid: 'psid-b' });
		const selection = select([deals, news, otherPage], { topic: 'deals', pageId: PAGE });
		expect(ids(selection.eligible)).toEqual([deals.tokenId]);
		expect(selection.statusChanges).toEqual([]);
		expect(selection.counts.outsideSelection).toBe(2);
	});

	it('treats each topic of a subscriber on its own', () => {
		const selection = select([tokenRow('D'), tokenRow('N', { topic: 'news' })]);
		expect(selection.eligible).toHaveLength(2);
		expect(selection.counts.byTopic).toEqual([
			{ topic: 'deals', eligible: 1, expired: 0, extraTokens: 0 },
			{ topic: 'news', eligible: 1, expired: 0, extraTokens: 0 },
		]);
	});

	it('caps the audience, keeping the tokens that expire first, and can go to test PSIDs only', () => {
		const rows = ['a', 'b', 'c'].map((psid, index) => tokenRow(psid, { psid: `psid-${psid}`, expiresAt: `2027-0${3 - index}-01T00:00:00.000Z` }));
		const capped = select(rows, { maxRows: 2 });
		expect(ids(capped.eligible)).toEqual([rows[2].tokenId, rows[1].tokenId]);
		expect(capped.counts.overCap).toBe(1);
		const test = select(rows, { testPsids: ['psid-b'] });
		expect(ids(test.eligible)).toEqual([rows[1].tokenId]);
		expect(test.counts.outsideSelection).toBe(2);
	});

	it('picks the same rows in the same order on a re-run', () => {
		const rows = ['a', 'b', 'c', 'd'].map((psid) => tokenRow(psid, { psid: `psid-${psid}`, tokenType: 'marketing', expiresAt: null, optedInAt: null }));
		const first = ids(select(rows, { maxRows: 2 }).eligible);
		expect(ids(select([...rows].reverse(), { maxRows: 2 }).eligible)).toEqual(first);
	});
});
