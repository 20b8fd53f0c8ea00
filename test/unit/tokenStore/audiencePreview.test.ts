/** The audience preview's figures: what a marketer checks before a campaign goes out. */
import { audiencePreview, coolingDownOf, inWords } from '../../../nodes/shared/preview/audiencePreview';
import { selectRowsForBroadcast } from '../../../nodes/shared/tokens/selectForBroadcast';
import { indexed, NOW, tokenRow } from './tokenRows';

describe('Audience preview', () => {
	const rows = [
		tokenRow('a', { psid: 'a', expiresAt: '2027-01-15T00:00:00.000Z' }),
		tokenRow('b', { psid: 'b', expiresAt: '2027-01-20T00:00:00.000Z', topic: 'restock' }),
		tokenRow('c', { psid: 'c', expiresAt: '2027-03-01T00:00:00.000Z', pageId: '200000000000002' }),
		tokenRow('d', { psid: 'd', tokenType: 'marketing', expiresAt: null, topic: null }),
	];

	it('counts the eligible rows by topic, token type, Page and expiry month, and times the campaign at the rate', () => {
		expect(audiencePreview(rows, { count: 0, earliestNextEligibleAt: null }, 2)).toEqual({
			eligible: 4,
			byTopic: { '(no topic)': 1, deals: 2, restock: 1 },
			byTokenType: { marketing: 1, one_time: 3 },
			byPage: { '200000000000001': 3, '200000000000002': 1 },
			byExpiryMonth: { '2027-01': 2, '2027-03': 1, never: 1 },
			coolingDown: 0,
			earliestNextEligibleAt: null,
			ratePerSecond: 2,
			estimatedSeconds: 2,
			estimatedDuration: '2 s',
		});
	});

	it('says the duration in words a marketer reads', () => {
		expect([inWords(0), inWords(59.2), inWords(61), inWords(3600), inWords(7500)]).toEqual(['0 s', '1 min', '2 min', '1 h 0 min', '2 h 5 min']);
	});

	it('finds the soonest a cooling-down token may go again', () => {
		const cooling = [tokenRow('x', { nextEligibleAt: '2026-11-29T00:00:00.000Z' }), tokenRow('y', { nextEligibleAt: '2026-11-28T06:00:00.000Z' })];
		expect(coolingDownOf(cooling)).toEqual({ count: 2, earliestNextEligibleAt: '2026-11-28T06:00:00.000Z' });
	});

	it("Select for Broadcast's counts carry the earliest next send of the rows cooling down in the selection", () => {
		const selection = selectRowsForBroadcast(
			indexed([
				tokenRow('e', { psid: 'e', tokenType: 'marketing', expiresAt: null, nextEligibleAt: '2026-11-28T10:00:00.000Z' }),
				tokenRow('f', { psid: 'f', tokenType: 'marketing', expiresAt: null, nextEligibleAt: '2026-11-28T08:00:00.000Z' }),
				tokenRow('g', { psid: 'g', tokenType: 'marketing', expiresAt: null, nextEligibleAt: '2026-11-28T01:00:00.000Z', topic: 'other' }),
				tokenRow('h', { psid: 'h' }),
			]),
			{ topic: 'deals', pageId: null, testPsids: [], maxRows: null, now: NOW },
		);
		expect(selection.counts).toMatchObject({ eligible: 1, coolingDown: 2, earliestNextEligibleAt: '2026-11-28T08:00:00.000Z' });
	});
});
