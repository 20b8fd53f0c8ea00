/** Apply Event: what a stop, resume, delivery or read changes in stored rows, and only that. */
import { applyStatusEvents } from '../../../nodes/shared/tokens/applyStatusEvents';
import { normalizeSendLogRow } from '../../../nodes/shared/tokens/normalizeSendLogRow';
import { hasProblem } from '../../../nodes/shared/tokens/rowProblem';
import { readStatusEvent, type StatusEvent } from '../../../nodes/shared/tokens/statusEvent';
import { tokenIdOf } from '../../../nodes/shared/tokens/tokenId';
import type { TokenRow } from '../../../nodes/shared/tokens/tokenRow';
import { trackSendLogRow, trackTokenRow, type TrackedRow } from '../../../nodes/shared/tokens/trackedRow';
import { normalizeMessagingEvent } from '../../../nodes/shared/webhook/normalizeEvent';
import { EVENTS, PAGE_ID, PSID, TIME } from '../../fixtures/messengerWebhooks';
import { indexed, tokenRow } from './tokenRows';

const iso = (ms: number) => new Date(ms).toISOString();
const EVENT_AT = iso(TIME);

function statusEvent(raw: unknown, overrides: Record<string, unknown> = {}): StatusEvent {
	const check = readStatusEvent({ ...(normalizeMessagingEvent(PAGE_ID, raw) as Record<string, unknown>), ...overrides });
	if (hasProblem(check)) throw new Error(check.problem.message);
	return check.row;
}

const marketing = (status: TokenRow['status']) =>
	tokenRow('M', { token: 'MKT-TOKEN-1', tokenId: tokenIdOf('MKT-TOKEN-1'), tokenType: 'marketing', expiresAt: null, pageId: PAGE_ID, psid: PSID, topic: 'weekly-deals', status });
const sent = (label: string, minutesBefore: number, overrides: Partial<TokenRow> = {}) =>
	tokenRow(label, { pageId: PAGE_ID, psid: PSID, status: 'used', campaign: 'spring', lastSentAt: iso(TIME - minutesBefore * 60_000), messageId: `m_${label}`, ...overrides });

function apply(rows: TokenRow[], ...events: StatusEvent[]) {
	return applyStatusEvents(indexed(rows.map(trackTokenRow)), (itemIndex) => events[Math.min(itemIndex, events.length - 1)]);
}

describe('Apply Event', () => {
	it('a marketing stop revokes the row of the token it carries, and no other row of the subscriber', () => {
		const other = tokenRow('O', { pageId: PAGE_ID, psid: PSID });
		expect(apply([marketing('available'), other], statusEvent(EVENTS.marketingStop))).toEqual([
			{ key: { tokenId: tokenIdOf('MKT-TOKEN-1') }, set: { status: 'revoked' }, itemIndexes: [0] },
		]);
	});

	it('a resume restores a revoked row and clears its error, but never revives a failed or expired one', () => {
		const revoked = { ...marketing('revoked'), error: 'stopped: (#10) This user has currently stopped notification messages for this topic' };
		expect(apply([revoked], statusEvent(EVENTS.marketingResume))[0].set).toEqual({ status: 'available', error: null });
		expect(apply([marketing('failed')], statusEvent(EVENTS.marketingResume))).toEqual([]);
		expect(apply([marketing('expired')], statusEvent(EVENTS.marketingResume))).toEqual([]);
	});

	it('applies a stop and a resume in the order they happened, whatever order they arrive in', () => {
		const row = trackTokenRow(marketing('available'));
		const earlier = iso(TIME);
		const later = iso(TIME + 1000);
		const both = (first: StatusEvent, second: StatusEvent) => applyStatusEvents(indexed([row, row]), (i) => [first, second][i]);
		const stopThenResume = both(
			statusEvent(EVENTS.marketingResume, { timestamp: later, eventId: 'evt_resume' }),
			statusEvent(EVENTS.marketingStop, { timestamp: earlier, eventId: 'evt_stop' }),
		);
		expect(stopThenResume).toEqual([]);
		const resumeThenStop = both(
			statusEvent(EVENTS.marketingStop, { timestamp: later, eventId: 'evt_stop' }),
			statusEvent(EVENTS.marketingResume, { timestamp: earlier, eventId: 'evt_resume' }),
		);
		expect(resumeThenStop.map((update) => update.set)).toEqual([{ status: 'revoked' }]);
	});

	it('a delivery marks the rows whose message id it names, once', () => {
		const rows = [sent('m_1', 5, { messageId: 'm_1' }), sent('m_9', 5, { messageId: 'm_9' }), sent('old', 9, { messageId: 'm_2', deliveredAt: iso(TIME - 1) })];
		expect(apply(rows, statusEvent(EVENTS.delivery))).toEqual([{ key: { tokenId: rows[0].tokenId }, set: { deliveredAt: EVENT_AT }, itemIndexes: [0] }]);
	});

	it('a delivery without message ids marks what was sent up to its watermark', () => {
		const event = statusEvent({ ...EVENTS.delivery, delivery: { watermark: TIME } });
		const rows = [sent('before', 1), sent('after', -1)];
		expect(apply(rows, event).map((update) => update.key)).toEqual([{ tokenId: rows[0].tokenId }]);
	});

	it("a read marks the subscriber's rows sent at or before the watermark, and delivered too where no delivery came", () => {
		const rows = [
			sent('a', 60),
			sent('b', 1, { deliveredAt: iso(TIME - 30_000) }),
			sent('c', -10),
			sent('d', 120, { readAt: iso(TIME - 3_600_000) }),
			tokenRow('e'),
			sent('f', 60, { psid: 'someone-else' }),
		];
		expect(apply(rows, statusEvent(EVENTS.read))).toEqual([
			{ key: { tokenId: rows[0].tokenId }, set: { deliveredAt: EVENT_AT, readAt: EVENT_AT }, itemIndexes: [0] },
			{ key: { tokenId: rows[1].tokenId }, set: { readAt: EVENT_AT }, itemIndexes: [1] },
		]);
	});

	it("allows a few seconds between n8n's clock at the send and Meta's clock in the watermark", () => {
		const justAfter = sent('late', 0, { lastSentAt: iso(TIME + 2_000) });
		expect(apply([justAfter], statusEvent(EVENTS.read))).toHaveLength(1);
		expect(apply([sent('next', 0, { lastSentAt: iso(TIME + 60_000) })], statusEvent(EVENTS.read))).toEqual([]);
	});

	it('puts out a row the store holds twice once, paired with both copies', () => {
		const row = sent('dup', 5, { messageId: 'm_1' });
		expect(apply([row, { ...row }], statusEvent(EVENTS.delivery))).toEqual([
			{ key: { tokenId: row.tokenId }, set: { deliveredAt: EVENT_AT }, itemIndexes: [0, 1] },
		]);
	});

	it('marks send log rows by campaign and tokenId, where token rows only hold the last send', () => {
		const log = (campaign: string, messageId: string): TrackedRow => {
			const check = normalizeSendLogRow({ campaign, tokenId: tokenIdOf('MKT-TOKEN-1'), pageId: PAGE_ID, psid: PSID, messageId, sentAt: iso(TIME - 60_000) });
			if (hasProblem(check)) throw new Error(check.problem.message);
			return trackSendLogRow(check.row);
		};
		const updates = applyStatusEvents(indexed([log('spring', 'm_1'), log('summer', 'm_7')]), () => statusEvent(EVENTS.delivery));
		expect(updates).toEqual([{ key: { campaign: 'spring', tokenId: tokenIdOf('MKT-TOKEN-1') }, set: { deliveredAt: EVENT_AT }, itemIndexes: [0] }]);
		expect(applyStatusEvents(indexed([log('spring', 'm_1')]), () => statusEvent(EVENTS.marketingStop))).toEqual([]);
	});

	it.each([
		['a message', { type: 'message' }, /it is a "message" event; Apply Event takes marketing_stop, marketing_resume, delivery, read/],
		['a read without watermark', { type: 'read', watermark: null }, /field "watermark" is empty/],
		['a stop without its token', { type: 'marketing_stop', token: null, tokenId: null }, /names the token/],
		['a delivery with neither ids nor watermark', { type: 'delivery', mids: [], watermark: null }, /"mids" and "watermark" are both empty/],
	])('refuses %s', (_, overrides, message) => {
		const item = { ...(normalizeMessagingEvent(PAGE_ID, EVENTS.read) as Record<string, unknown>), ...overrides };
		const check = readStatusEvent(item);
		expect(hasProblem(check) && check.problem.message).toMatch(message);
	});
});
