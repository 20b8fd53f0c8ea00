/** Summarize: token counts per Page and topic, and send figures per campaign, each token once. */
import { normalizeSendLogRow } from '../../../nodes/shared/tokens/normalizeSendLogRow';
import { hasProblem } from '../../../nodes/shared/tokens/rowProblem';
import { summarizeCampaigns } from '../../../nodes/shared/tokens/summarizeCampaigns';
import { summarizeTokens } from '../../../nodes/shared/tokens/summarizeTokens';
import { trackSendLogRow, trackTokenRow } from '../../../nodes/shared/tokens/trackedRow';
import { indexed, NOW, PAGE, tokenRow } from './tokenRows';

describe('Summarize: tokens by topic and Page', () => {
	const rows = [
		tokenRow('a1', { psid: 'a' }),
		tokenRow('a2', { psid: 'a', expiresAt: '2026-12-10T00:00:00.000Z' }),
		tokenRow('b1', { psid: 'b', tokenType: 'marketing', expiresAt: null, nextEligibleAt: '2026-11-28T00:00:00.000Z' }),
		tokenRow('c1', { psid: 'c', status: 'used' }),
		tokenRow('d1', { psid: 'd', status: 'expired' }),
		tokenRow('e1', { psid: 'e', expiresAt: '2026-11-01T00:00:00.000Z' }),
		tokenRow('f1', { psid: 'f', status: 'revoked' }),
		tokenRow('g1', { psid: 'g', status: 'failed', error: 'invalid request' }),
		tokenRow('n1', { psid: 'a', topic: 'news' }),
		tokenRow('p1', { psid: 'a', pageId: '200000000000002' }),
	];

	it('counts every status as the rows stand now, and what expires soon', () => {
		const summaries = summarizeTokens(indexed(rows), { now: NOW, expiringWithinDays: 30 });
		expect(summaries.map(({ summary }) => summary)).toEqual([
			{ pageId: PAGE, topic: 'deals', tokens: 8, subscribers: 2, available: 3, coolingDown: 1, used: 1, expired: 2, revoked: 1, failed: 1, expiringSoon: 1, expiringWithinDays: 30 },
			{ pageId: PAGE, topic: 'news', tokens: 1, subscribers: 1, available: 1, coolingDown: 0, used: 0, expired: 0, revoked: 0, failed: 0, expiringSoon: 0, expiringWithinDays: 30 },
			{ pageId: '200000000000002', topic: 'deals', tokens: 1, subscribers: 1, available: 1, coolingDown: 0, used: 0, expired: 0, revoked: 0, failed: 0, expiringSoon: 0, expiringWithinDays: 30 },
		]);
		expect(summaries.find(({ summary }) => summary.topic === 'news')?.itemIndexes).toEqual([8]);
	});

	it('never counts a tokenId twice, however often the store holds it', () => {
		const once = summarizeTokens(indexed([rows[0]]), { now: NOW, expiringWithinDays: 30 });
		const thrice = summarizeTokens(indexed([rows[0], { ...rows[0] }, { ...rows[0] }]), { now: NOW, expiringWithinDays: 30 });
		expect(thrice.map(({ summary }) => summary)).toEqual(once.map(({ summary }) => summary));
		expect(thrice[0].itemIndexes).toEqual([0, 1, 2]);
	});
});

describe('Summarize: sends by campaign', () => {
	const sentRow = (label: string, overrides = {}) =>
		tokenRow(label, { status: 'used', campaign: 'spring', lastSentAt: '2026-11-20T10:00:00.000Z', messageId: `m_${label}`, ...overrides });

	it('counts sent, delivered, read and clicked per campaign from token rows; unsent rows count nowhere', () => {
		const rows = [
			sentRow('a', { deliveredAt: '2026-11-20T10:00:01.000Z' }),
			sentRow('b', { readAt: '2026-11-20T11:00:00.000Z' }),
			sentRow('c', { campaign: 'summer', clickedAt: '2026-11-20T12:00:00.000Z', readAt: '2026-11-20T11:00:00.000Z', deliveredAt: '2026-11-20T10:00:01.000Z' }),
			tokenRow('d'),
			tokenRow('e', { campaign: 'spring', error: 'not reachable now' }),
		].map(trackTokenRow);
		expect(summarizeCampaigns(indexed(rows)).map(({ summary }) => summary)).toEqual([
			{ campaign: 'spring', sent: 2, delivered: 2, read: 1, clicked: 0, failed: 0 },
			{ campaign: 'summer', sent: 1, delivered: 1, read: 1, clicked: 1, failed: 0 },
		]);
	});

	it('counts a send once when it is both in the send log and on its token row, merging what each knows', () => {
		const token = sentRow('a', { readAt: '2026-11-20T11:00:00.000Z' });
		const check = normalizeSendLogRow({ campaign: 'spring', tokenId: token.tokenId, pageId: PAGE, psid: token.psid, messageId: 'm_a', sentAt: token.lastSentAt, clickedAt: '2026-11-20T12:00:00.000Z' });
		if (hasProblem(check)) throw new Error(check.problem.message);
		const log = trackSendLogRow(check.row);
		const [spring] = summarizeCampaigns(indexed([trackTokenRow(token), log, log]));
		expect(spring).toEqual({ summary: { campaign: 'spring', sent: 1, delivered: 1, read: 1, clicked: 1, failed: 0 }, itemIndexes: [0, 1, 2] });
	});

	it('counts paid messages Meta could not deliver: failedAt on the send log, the error on a token row', () => {
		const log = (label: string, extra: Record<string, unknown>) => {
			const check = normalizeSendLogRow({ campaign: 'spring', tokenId: tokenRow(label).tokenId, pageId: PAGE, psid: label, messageId: `t_${label}`, sentAt: '2026-11-20T10:00:00.000Z', ...extra });
			if (hasProblem(check)) throw new Error(check.problem.message);
			return trackSendLogRow(check.row);
		};
		const failedOnLog = log('a', { failedAt: '2026-11-20T10:01:00.000Z', error: 'deliveryFailed: Meta could not deliver the marketing message (expired)' });
		const delivered = log('b', { deliveredAt: '2026-11-20T10:00:02.000Z' });
		const failedOnToken = trackTokenRow(sentRow('c', { error: 'deliveryFailed: Meta could not deliver the marketing message (expired)' }));
		const [spring] = summarizeCampaigns(indexed([failedOnLog, delivered, failedOnToken]));
		expect(spring.summary).toEqual({ campaign: 'spring', sent: 3, delivered: 1, read: 0, clicked: 0, failed: 2 });
	});

	it('refuses a send log row without its campaign or send time', () => {
		const noCampaign = normalizeSendLogRow({ tokenId: tokenRow('a').tokenId, pageId: PAGE, psid: 'a', sentAt: '2026-11-20T10:00:00.000Z' });
		const noTime = normalizeSendLogRow({ campaign: 'spring', tokenId: tokenRow('a').tokenId, pageId: PAGE, psid: 'a', sentAt: '' });
		expect(hasProblem(noCampaign) && noCampaign.problem.column).toBe('campaign');
		expect(hasProblem(noTime) && noTime.problem.column).toBe('sentAt');
	});
});

describe('Summarize: sends by campaign, per variant', () => {
	const logRow = (label: string, variant: string | undefined, receipts: Record<string, string> = {}) => {
		const check = normalizeSendLogRow({ campaign: 'spring', tokenId: tokenRow(label).tokenId, pageId: PAGE, psid: label, messageId: `m_${label}`, sentAt: '2026-11-20T10:00:00.000Z', variant, ...receipts });
		if (hasProblem(check)) throw new Error(check.problem.message);
		return trackSendLogRow(check.row);
	};
	const delivered = { deliveredAt: '2026-11-20T10:00:01.000Z' };
	const read = { ...delivered, readAt: '2026-11-20T11:00:00.000Z' };
	const clicked = { ...read, clickedAt: '2026-11-20T12:00:00.000Z' };

	it('gives sent, delivered, read and clicked per variant, with each rate and its difference from A in points', () => {
		const rows = [
			logRow('a1', 'A', read),
			logRow('a2', 'A', delivered),
			logRow('a3', 'A', {}),
			logRow('a4', 'A', clicked),
			logRow('b1', 'B', clicked),
			logRow('b2', 'B', clicked),
			logRow('b3', 'B', read),
			logRow('b4', 'B', {}),
			logRow('b5', 'B', delivered),
		];
		const [spring] = summarizeCampaigns(indexed(rows));
		expect(spring.summary).toEqual({
			campaign: 'spring',
			sent: 9,
			delivered: 7,
			read: 5,
			clicked: 3,
			failed: 0,
			variants: [
				{ variant: 'A', sent: 4, delivered: 3, read: 2, clicked: 1, failed: 0, deliveredPercent: 75, readPercent: 50, clickedPercent: 25 },
				{
					variant: 'B',
					sent: 5,
					delivered: 4,
					read: 3,
					clicked: 2,
					failed: 0,
					deliveredPercent: 80,
					readPercent: 60,
					clickedPercent: 40,
					differenceFromA: { delivered: 5, read: 10, clicked: 15 },
				},
			],
		});
	});

	it('reads the variant from token rows too, and counts a send held by both rows once', () => {
		const token = tokenRow('a1', { psid: 'a1', status: 'used', campaign: 'spring', lastSentAt: '2026-11-20T10:00:00.000Z', messageId: 'm_a1', variant: 'B', ...clicked });
		const [spring] = summarizeCampaigns(indexed([trackTokenRow(token), logRow('a1', 'B')]));
		expect(spring.summary.variants).toEqual([
			{ variant: 'B', sent: 1, delivered: 1, read: 1, clicked: 1, failed: 0, deliveredPercent: 100, readPercent: 100, clickedPercent: 100 },
		]);
	});

	it('gives no variant table for a campaign sent without variants', () => {
		const [spring] = summarizeCampaigns(indexed([logRow('a1', undefined, read)]));
		expect(spring.summary).toEqual({ campaign: 'spring', sent: 1, delivered: 1, read: 1, clicked: 0, failed: 0 });
	});
});
