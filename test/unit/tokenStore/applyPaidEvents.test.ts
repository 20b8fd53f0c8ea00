/** Apply Event for the paid Marketing Message API: receipts by tracking id, failures by token, unsubscribes. */
import { applyStatusEvents } from '../../../nodes/shared/tokens/applyStatusEvents';
import { normalizeSendLogRow } from '../../../nodes/shared/tokens/normalizeSendLogRow';
import { hasProblem } from '../../../nodes/shared/tokens/rowProblem';
import { readStatusEvent, type StatusEvent } from '../../../nodes/shared/tokens/statusEvent';
import { tokenIdOf } from '../../../nodes/shared/tokens/tokenId';
import type { TokenRow } from '../../../nodes/shared/tokens/tokenRow';
import { trackSendLogRow, trackTokenRow, type TrackedRow } from '../../../nodes/shared/tokens/trackedRow';
import { unsubscribeEvent } from '../../../nodes/shared/tokens/unsubscribeEvent';
import { normalizeChange } from '../../../nodes/shared/webhook/normalizeChange';
import { indexed, PAGE, tokenRow } from './tokenRows';

const TOKEN = '12348141984909088';
const PSID = '7000000000000001';
const SENT = Date.parse('2026-11-20T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const seconds = (ms: number) => Math.floor(ms / 1000);

function paidEvent(field: string, values: Record<string, unknown>): StatusEvent {
	const item = normalizeChange(PAGE, { field, page_id: PAGE, messenger_subscription_token: TOKEN, ...values });
	const check = readStatusEvent(item as Record<string, unknown>);
	if (hasProblem(check)) throw new Error(check.problem.message);
	return check.row;
}

const receipt = (field: string, trackingId: string, at: number) =>
	paidEvent(field, { recipient_id: PSID, timestamp: seconds(at), mid: 'mid.1', marketing_message_tracking_id: trackingId, message_id: 'campaign-1' });
const failure = (at: number, campaignId = 'campaign-1') => paidEvent('marketing_message_delivery_failed', { timestamp: seconds(at), error_message: 'Message expired', message_id: campaignId });

function logRow(campaign: string, trackingId: string, sentAt: number, extra: Record<string, unknown> = {}): TrackedRow {
	const check = normalizeSendLogRow({ campaign, tokenId: tokenIdOf(TOKEN), pageId: PAGE, psid: PSID, messageId: trackingId, sentAt: iso(sentAt), ...extra });
	if (hasProblem(check)) throw new Error(check.problem.message);
	return trackSendLogRow(check.row);
}

const tokenRowSent = (overrides: Partial<TokenRow> = {}) =>
	tokenRow('m', { token: TOKEN, tokenId: tokenIdOf(TOKEN), tokenType: 'marketing', expiresAt: null, psid: PSID, campaign: 'spring', lastSentAt: iso(SENT), messageId: 'track-1', ...overrides });

const apply = (rows: TrackedRow[], event: StatusEvent) => applyStatusEvents(indexed(rows), () => event);

describe('Apply Event: paid marketing message receipts (docs/meta-platform.md §3.5)', () => {
	it('marks delivered, read and clicked on the send log row whose messageId is the tracking id, and no other', () => {
		const rows = [logRow('spring', 'track-1', SENT), logRow('summer', 'track-2', SENT + 13 * 3600_000)];
		const at = SENT + 60_000;
		const key = { campaign: 'spring', tokenId: tokenIdOf(TOKEN) };
		expect(apply(rows, receipt('marketing_message_deliveries', 'track-1', at))).toEqual([{ key, set: { deliveredAt: iso(at) }, itemIndexes: [0] }]);
		expect(apply(rows, receipt('marketing_message_reads', 'track-1', at))).toEqual([{ key, set: { deliveredAt: iso(at), readAt: iso(at) }, itemIndexes: [0] }]);
		expect(apply(rows, receipt('marketing_message_clicks', 'track-1', at))).toEqual([
			{ key, set: { deliveredAt: iso(at), readAt: iso(at), clickedAt: iso(at) }, itemIndexes: [0] },
		]);
	});

	it('keeps the first time of each receipt, and marks token rows too', () => {
		const delivered = logRow('spring', 'track-1', SENT, { deliveredAt: iso(SENT + 1000) });
		expect(apply([delivered], receipt('marketing_message_deliveries', 'track-1', SENT + 5000))).toEqual([]);
		expect(apply([trackTokenRow(tokenRowSent())], receipt('marketing_message_clicks', 'track-1', SENT + 5000))[0].set).toEqual({
			deliveredAt: iso(SENT + 5000),
			readAt: iso(SENT + 5000),
			clickedAt: iso(SENT + 5000),
		});
	});

	it("ignores a receipt for another Page's rows", () => {
		const other = { ...logRow('spring', 'track-1', SENT), pageId: '999' };
		expect(apply([other], receipt('marketing_message_deliveries', 'track-1', SENT + 1000))).toEqual([]);
	});
});

describe('Apply Event: failed paid deliveries, matched by token and campaign', () => {
	it("sets failedAt and Meta's reason on the send log row of the token and campaign", () => {
		const rows = [logRow('campaign-1', 'track-1', SENT), logRow('older', 'track-0', SENT - 24 * 3600_000)];
		const [update] = apply(rows, failure(SENT + 60_000));
		expect(update).toEqual({
			key: { campaign: 'campaign-1', tokenId: tokenIdOf(TOKEN) },
			set: { failedAt: iso(SENT + 60_000), error: 'deliveryFailed: Meta could not deliver the marketing message (Message expired)' },
			itemIndexes: [0],
		});
	});

	it("falls back to the token's latest send before the failure when no row names the campaign", () => {
		const rows = [logRow('spring', 'track-1', SENT), logRow('winter', 'track-0', SENT - 24 * 3600_000), logRow('later', 'track-9', SENT + 24 * 3600_000)];
		expect(apply(rows, failure(SENT + 60_000, 'unknown-campaign')).map((update) => update.key)).toEqual([{ campaign: 'spring', tokenId: tokenIdOf(TOKEN) }]);
	});

	it('never marks a delivered send failed', () => {
		expect(apply([logRow('campaign-1', 'track-1', SENT, { deliveredAt: iso(SENT + 1000) })], failure(SENT + 60_000))).toEqual([]);
	});

	it('records the failure on a token row in its error, keeping its status', () => {
		expect(apply([trackTokenRow(tokenRowSent({ status: 'available' }))], failure(SENT + 60_000))).toEqual([
			{ key: { tokenId: tokenIdOf(TOKEN) }, set: { error: 'deliveryFailed: Meta could not deliver the marketing message (Message expired)' }, itemIndexes: [0] },
		]);
	});
});

describe('Apply Event: an unsubscribe (docs/meta-platform.md §3.2)', () => {
	const at = new Date(SENT + 3600_000);
	const rows = () => [
		trackTokenRow(tokenRowSent({ status: 'available' })),
		trackTokenRow(tokenRow('n', { tokenType: 'marketing', psid: PSID, status: 'available' })),
		trackTokenRow(tokenRow('x', { tokenType: 'marketing', psid: 'someone-else', status: 'available' })),
		trackTokenRow(tokenRow('u', { tokenType: 'one_time', psid: PSID, status: 'used' })),
	];
	const event = (input: { psid: string | null; tokenId: string | null }) => {
		const check = readStatusEvent(unsubscribeEvent({ pageId: PAGE, at, invalidRowsCount: 0, ...input }));
		if (hasProblem(check)) throw new Error(check.problem.message);
		return check.row;
	};

	it("by PSID revokes every available row of the person on the Page, at Meta's Page level", () => {
		const updates = apply(rows(), event({ psid: PSID, tokenId: null }));
		expect(updates.map((update) => [update.key, update.set])).toEqual([
			[{ tokenId: tokenIdOf(TOKEN) }, { status: 'revoked' }],
			[{ tokenId: tokenRow('n').tokenId }, { status: 'revoked' }],
		]);
	});

	it("by token revokes that token's person's rows among those given", () => {
		const updates = apply(rows(), event({ psid: null, tokenId: tokenIdOf(TOKEN) }));
		expect(updates.map((update) => update.key)).toEqual([{ tokenId: tokenIdOf(TOKEN) }, { tokenId: tokenRow('n').tokenId }]);
	});

	it('needs a PSID or a token', () => {
		const check = readStatusEvent({ type: 'marketing_unsubscribe', pageId: PAGE, timestamp: at.toISOString() });
		expect(hasProblem(check) && check.problem.message).toMatch(/"psid" and "tokenId" are both empty/);
	});
});
