/** Record Opt-in: the trigger's opt-in items become token rows, anything else is refused. */
import { hasProblem } from '../../../nodes/shared/tokens/rowProblem';
import { tokenIdOf } from '../../../nodes/shared/tokens/tokenId';
import { TOKEN_ROW_COLUMNS } from '../../../nodes/shared/tokens/tokenRow';
import { tokenRowFromOptIn } from '../../../nodes/shared/tokens/tokenRowFromOptIn';
import { normalizeMessagingEvent } from '../../../nodes/shared/webhook/normalizeEvent';
import { EVENTS, PAGE_ID, PSID } from '../../fixtures/messengerWebhooks';

function triggerItem(event: unknown) {
	return normalizeMessagingEvent(PAGE_ID, event)! as Record<string, unknown>;
}

function rowOf(event: unknown) {
	const check = tokenRowFromOptIn(triggerItem(event));
	if (hasProblem(check)) throw new Error(check.problem.message);
	return check.row;
}

describe('Record Opt-in', () => {
	it('turns a one-time opt-in into an available row that expires a year later, with every column', () => {
		const row = rowOf(EVENTS.otnOptin);
		expect(row).toEqual({
			tokenId: tokenIdOf('OTN-TOKEN-1'),
			token: 'OTN-TOKEN-1',
			tokenType: 'one_time',
			pageId: PAGE_ID,
			psid: PSID,
			topic: 'deals',
			title: null,
			timezone: null,
			optedInAt: '2016-03-23T00:25:52.478Z',
			expiresAt: '2017-03-23T00:25:52.478Z',
			status: 'available',
			lastSentAt: null,
			nextEligibleAt: null,
			campaign: null,
			messageId: null,
			deliveredAt: null,
			readAt: null,
			clickedAt: null,
			error: null,
		});
		expect(Object.keys(row)).toEqual([...TOKEN_ROW_COLUMNS]);
	});

	it("turns a marketing opt-in into a row with Meta's title, timezone and expiry, eligible at once", () => {
		expect(rowOf(EVENTS.marketingOptin)).toMatchObject({
			tokenType: 'marketing',
			token: 'MKT-TOKEN-1',
			topic: 'weekly-deals',
			title: 'Weekly deals',
			timezone: 'Europe/Paris',
			expiresAt: '2026-01-01T00:00:00.000Z',
			status: 'available',
			nextEligibleAt: null,
		});
	});

	it('gives a retried event the same tokenId, and a second tap on Notify Me (a new token) a new one', () => {
		const second = { ...EVENTS.otnOptin, timestamp: EVENTS.otnOptin.timestamp + 60_000, optin: { ...EVENTS.otnOptin.optin, one_time_notif_token: 'OTN-TOKEN-2' } };
		expect(rowOf(EVENTS.otnOptin).tokenId).toBe(rowOf(structuredClone(EVENTS.otnOptin)).tokenId);
		expect(rowOf(second).tokenId).not.toBe(rowOf(EVENTS.otnOptin).tokenId);
		expect(rowOf(second)).toMatchObject({ psid: PSID, topic: 'deals' });
	});

	it('derives the tokenId from the token, not from what the item claims', () => {
		const item = { ...triggerItem(EVENTS.otnOptin), tokenId: 'tok_00000000000000000000000000000000' };
		const check = tokenRowFromOptIn(item);
		expect(!hasProblem(check) && check.row.tokenId).toBe(tokenIdOf('OTN-TOKEN-1'));
	});

	it.each([
		['a delivery', EVENTS.delivery, /it is a "delivery" event, not an opt-in/],
		['a marketing stop', EVENTS.marketingStop, /it is a "marketing_stop" event, not an opt-in/],
		['an event the trigger could not read', { ...EVENTS.otnOptin, optin: { type: 'one_time_notif_req', payload: 'deals' } }, /could not read this event: .*no one_time_notif_token/],
	])('refuses %s, naming the field', (_, event, message) => {
		const check = tokenRowFromOptIn(triggerItem(event));
		expect(hasProblem(check) && check.problem).toMatchObject({ column: 'type', message: expect.stringMatching(message) });
	});

	it('refuses an item without a token or a subscriber', () => {
		const item = triggerItem(EVENTS.otnOptin);
		const noToken = tokenRowFromOptIn({ ...item, token: '' });
		const noPsid = tokenRowFromOptIn({ ...item, psid: null });
		expect(hasProblem(noToken) && noToken.problem.message).toBe('field "token" is empty');
		expect(hasProblem(noPsid) && noPsid.problem.message).toBe('field "psid" is empty');
	});
});
