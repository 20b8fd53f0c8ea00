/** Export Consent Record: a subscriber's history per topic, built from token rows, the send log and stop events. */
import { consentRecord, type ConsentSources } from '../../../nodes/shared/consent/consentRecord';
import type { SendLogRow } from '../../../nodes/shared/tokens/sendLogRow';
import type { StatusEvent } from '../../../nodes/shared/tokens/statusEvent';
import { toCsv } from '../../../nodes/shared/csv';
import { NOW, PAGE, tokenRow } from './tokenRows';

const everyone = { psid: null, pageId: null };

function sendLog(tokenId: string, campaign: string, sentAt: string, overrides: Partial<SendLogRow> = {}): SendLogRow {
	return { campaign, tokenId, pageId: PAGE, psid: 'psid-a', messageId: `m_${campaign}`, sentAt, deliveredAt: null, readAt: null, clickedAt: null, failedAt: null, error: null, variant: null, ...overrides };
}

function statusEvent(type: StatusEvent['type'], at: string, overrides: Partial<StatusEvent> = {}): StatusEvent {
	return { eventId: `${type}-${at}`, type, pageId: PAGE, psid: 'psid-a', at, tokenId: null, mids: [], watermark: null, trackingId: null, campaignId: null, error: null, ...overrides };
}

function sources(parts: Partial<{ tokenRows: unknown[]; sends: unknown[]; events: unknown[] }>): ConsentSources {
	let next = 0;
	const take = <T>(rows: T[] = []) => rows.map((row) => ({ row, itemIndex: next++ }));
	return { tokenRows: take(parts.tokenRows), sends: take(parts.sends), events: take(parts.events) } as ConsentSources;
}

const summary = (record: ReturnType<typeof consentRecord>) => record.lines.map(({ row }) => [row.topic, row.event, row.at, row.campaign]);

describe('Export Consent Record', () => {
	const weekly = tokenRow('w', { tokenType: 'marketing', topic: 'weekly-deals', title: 'Weekly deals', optedInAt: '2026-03-01T10:00:00.000Z', expiresAt: null, status: 'available', lastSentAt: '2026-05-02T09:00:00.000Z', campaign: 'may', messageId: 'm_may' });
	const restock = tokenRow('r', { topic: 'restock:red', title: 'Red sneakers are back', optedInAt: '2026-04-10T08:00:00.000Z', status: 'used', lastSentAt: '2026-04-20T12:00:00.000Z', campaign: 'restock', messageId: 'm_restock' });

	it('lists opt-ins with the text the subscriber saw, sends, stops and resumes per topic, oldest first', () => {
		const record = consentRecord(
			sources({
				tokenRows: [weekly, restock],
				sends: [sendLog(weekly.tokenId, 'april', '2026-04-01T09:00:00.000Z', { deliveredAt: '2026-04-01T09:00:05.000Z', readAt: '2026-04-01T10:00:00.000Z' }), sendLog(weekly.tokenId, 'may', '2026-05-02T09:00:00.000Z')],
				events: [statusEvent('marketing_resume', '2026-04-15T00:00:00.000Z', { tokenId: weekly.tokenId }), statusEvent('marketing_stop', '2026-04-10T00:00:00.000Z', { tokenId: weekly.tokenId })],
			}),
			everyone,
			NOW,
		);
		expect(summary(record)).toEqual([
			['restock:red', 'opted_in', '2026-04-10T08:00:00.000Z', null],
			['restock:red', 'sent', '2026-04-20T12:00:00.000Z', 'restock'],
			['weekly-deals', 'opted_in', '2026-03-01T10:00:00.000Z', null],
			['weekly-deals', 'sent', '2026-04-01T09:00:00.000Z', 'april'],
			['weekly-deals', 'stopped', '2026-04-10T00:00:00.000Z', null],
			['weekly-deals', 'resumed', '2026-04-15T00:00:00.000Z', null],
			['weekly-deals', 'sent', '2026-05-02T09:00:00.000Z', 'may'],
		]);
		const optIn = record.lines.find(({ row }) => row.event === 'opted_in' && row.topic === 'weekly-deals')!;
		expect(optIn.row).toMatchObject({ title: 'Weekly deals', tokenId: weekly.tokenId, tokenType: 'marketing', psid: 'psid-a', pageId: PAGE });
		const april = record.lines.find(({ row }) => row.campaign === 'april')!;
		expect(april.row).toMatchObject({ deliveredAt: '2026-04-01T09:00:05.000Z', readAt: '2026-04-01T10:00:00.000Z', messageId: 'm_april' });
		expect(april.itemIndexes).toEqual([2]);
	});

	it("takes a token row's last send when the send log does not hold it, and only once when it does", () => {
		const withoutLog = consentRecord(sources({ tokenRows: [restock] }), everyone, NOW);
		expect(withoutLog.lines.filter(({ row }) => row.event === 'sent').map(({ row }) => [row.campaign, row.note])).toEqual([['restock', 'From the token row, which holds only its last send.']]);
		const withLog = consentRecord(sources({ tokenRows: [restock], sends: [sendLog(restock.tokenId, 'restock', restock.lastSentAt!)] }), everyone, NOW);
		expect(withLog.lines.filter(({ row }) => row.event === 'sent')).toHaveLength(1);
	});

	it('says when the rows cannot tell: no title kept, a revocation without its event, a send whose token row is missing', () => {
		const revoked = tokenRow('x', { title: null, status: 'revoked' });
		const record = consentRecord(sources({ tokenRows: [revoked], sends: [sendLog('tok_0000000000000000000000000000dead', 'spring', '2026-05-01T00:00:00.000Z')] }), everyone, NOW);
		const byEvent = Object.fromEntries(record.lines.map(({ row }) => [row.event, row]));
		expect(byEvent.opted_in.note).toBe('The row holds no title: the text the subscriber saw is not recorded.');
		expect(byEvent.revoked).toMatchObject({ at: null, note: expect.stringContaining('add the trigger') });
		expect(byEvent.sent).toMatchObject({ topic: null, note: 'Its token row is not in the input: topic unknown.' });
		expect(record.lines.at(-1)!.row.event).toBe('revoked');
	});

	it('dates a revocation by its stop or unsubscribe event instead, and puts an unsubscribe under every topic', () => {
		const revoked = tokenRow('x', { status: 'revoked' });
		const stopped = consentRecord(sources({ tokenRows: [revoked], events: [statusEvent('marketing_stop', '2026-07-01T00:00:00.000Z', { tokenId: revoked.tokenId })] }), everyone, NOW);
		expect(stopped.lines.map(({ row }) => row.event)).toEqual(['opted_in', 'stopped']);
		const unsubscribed = consentRecord(sources({ tokenRows: [revoked], events: [statusEvent('marketing_unsubscribe', '2026-07-01T00:00:00.000Z')] }), everyone, NOW);
		expect(unsubscribed.lines.map(({ row }) => [row.topic, row.event])).toEqual([[null, 'unsubscribed'], ['deals', 'opted_in']]);
	});

	it('marks a token that expired, even one the store still says is available', () => {
		const lapsed = tokenRow('e', { optedInAt: '2025-06-01T00:00:00.000Z', expiresAt: '2026-06-01T00:00:00.000Z', status: 'available' });
		const record = consentRecord(sources({ tokenRows: [lapsed] }), everyone, NOW);
		expect(summary(record)).toEqual([
			['deals', 'opted_in', '2025-06-01T00:00:00.000Z', null],
			['deals', 'expired', '2026-06-01T00:00:00.000Z', null],
		]);
	});

	it("keeps to the subscriber asked for, counts a row stored twice once, and pairs it with both items", () => {
		const mine = tokenRow('a', { psid: 'psid-a' });
		const theirs = tokenRow('b', { psid: 'psid-b' });
		const record = consentRecord(sources({ tokenRows: [mine, theirs, { ...mine }] }), { psid: 'psid-a', pageId: null }, NOW);
		expect(record.lines.map(({ row, itemIndexes }) => [row.psid, row.event, itemIndexes])).toEqual([['psid-a', 'opted_in', [0, 2]]]);
	});

	it('reports an unsubscribe by token whose row is not in the input instead of dropping it', () => {
		const record = consentRecord(sources({ events: [statusEvent('marketing_unsubscribe', '2026-07-01T00:00:00.000Z', { psid: null, tokenId: 'tok_0000000000000000000000000000beef' })] }), everyone, NOW);
		expect(record.lines).toEqual([]);
		expect(record.unattributed).toEqual([0]);
	});

	it('writes RFC 4180 CSV: header, quoted cells where needed, empty for null', () => {
		expect(toCsv(['a', 'b', 'c'], [{ a: 'plain', b: 'with, comma and "quotes"', c: null }, { a: 'two\nlines', b: 3, c: true }])).toBe(
			'a,b,c\r\nplain,"with, comma and ""quotes""",\r\n"two\nlines",3,true\r\n',
		);
	});
});
