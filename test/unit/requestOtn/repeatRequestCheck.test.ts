import type { IDataObject } from 'n8n-workflow';

import type { TokenRow } from '../../../nodes/shared/tokens/tokenRow';
import { longToken, tokenRow } from '../tokenStore/tokenRows';
import { runRequestOtn } from './fakeExecuteContext';

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

/** A one-time token of subscriber psid-a for topic restock:red, tapped 10 days ago and unused. */
const unused = (overrides: Partial<TokenRow> = {}) =>
	tokenRow('a', { psid: 'psid-a', topic: 'restock:red', optedInAt: daysAgo(10), expiresAt: inDays(355), ...overrides });

const request = (repeatCheck: IDataObject) => ({
	resource: 'optInRequest',
	operation: 'requestOneTimeNotification',
	psid: 'psid-a',
	title: 'Red sneakers are back',
	topic: 'restock:red',
	messagingType: 'RESPONSE',
	repeatCheck,
});

const run = runRequestOtn;

describe('Request One-Time Notification: the repeat request check', () => {
	it('refuses a second request for a topic the subscriber holds an unused token for, and sends nothing', async () => {
		const row = unused();
		const { error, requests } = await run(request({ subscriberRows: [row] }));
		expect(requests).toHaveLength(0);
		expect(error?.message).toMatch(/^Subscriber psid-a already holds an unused one-time token for topic "restock:red" \(opted in \d{4}-\d\d-\d\d, expires \d{4}-\d\d-\d\d\)$/);
		expect(error?.description).toContain('Nothing was sent');
		expect(error?.description).toContain('613/1893016');
		expect(error?.description).toContain(`send it with OTN Broadcast (row tokenId ${row.tokenId})`);
		expect(JSON.stringify(error)).not.toContain(longToken('a'));
	});

	it.each<[string, Partial<TokenRow>]>([
		['the token was used', { status: 'used' }],
		['the token was revoked', { status: 'revoked' }],
		['the token expired, though the store still says available', { expiresAt: daysAgo(1) }],
		['the token is for another topic', { topic: 'restock:blue' }],
		['the token is another subscriber’s', { psid: 'psid-b' }],
		['the row is a marketing token', { tokenType: 'marketing', expiresAt: null }],
	])('sends when %s', async (_case, change) => {
		const { output, requests, error } = await run(request({ subscriberRows: [unused(change)] }));
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(1);
		expect(output[0].json).toMatchObject({ psid: 'psid-a', topic: 'restock:red' });
	});

	it('sends when the field is empty or the subscriber has no rows (a store lookup that found none)', async () => {
		expect((await run(request({}))).requests).toHaveLength(1);
		expect((await run(request({ subscriberRows: '' }))).requests).toHaveLength(1);
		expect((await run(request({ subscriberRows: [] }))).requests).toHaveLength(1);
	});

	it('reads the rows as n8n items, as one row, or as JSON text', async () => {
		for (const subscriberRows of [[{ json: unused() }], unused(), JSON.stringify([unused()])]) {
			const { requests, error } = await run(request({ subscriberRows }));
			expect(requests).toHaveLength(0);
			expect(error?.message).toContain('already holds an unused one-time token');
		}
	});

	it('with Ask Again After (Days), also refuses while the last opt-in for the topic is that recent, then lets the request through', async () => {
		const usedThreeDaysAgo = unused({ status: 'used', optedInAt: daysAgo(3) });
		const refused = await run(request({ subscriberRows: [usedThreeDaysAgo], askAgainAfterDays: 30 }));
		expect(refused.requests).toHaveLength(0);
		expect(refused.error?.message).toMatch(/^Subscriber psid-a opted in to topic "restock:red" on \d{4}-\d\d-\d\d, within the 30 days of Ask Again After \(Days\)$/);
		expect(refused.error?.description).toMatch(/^Nothing was sent\. Ask again from \d{4}-/);

		const usedLongAgo = unused({ status: 'used', optedInAt: daysAgo(40) });
		expect((await run(request({ subscriberRows: [usedLongAgo], askAgainAfterDays: 30 }))).requests).toHaveLength(1);
	});

	it('fails the item, sending nothing, when a row is not a token row, and names the row and the column', async () => {
		const { error, requests } = await run(request({ subscriberRows: [unused({ status: 'used' }), { psid: 'psid-a', topic: 'restock:red' }] }));
		expect(requests).toHaveLength(0);
		expect(error?.message).toBe('Row 2 of Subscriber\'s Token Rows is not a token row: columns "tokenId" and "token" are both empty');
		expect(error?.description).toContain('Nothing was sent');
	});

	it('fails the item when the field is not JSON', async () => {
		const { error, requests } = await run(request({ subscriberRows: '[{"psid":' }));
		expect(requests).toHaveLength(0);
		expect(error?.message).toBe("Subscriber's Token Rows is not JSON");
	});

	it('with Continue On Fail, the refused item becomes an error item and the other subscriber is asked', async () => {
		const rowsOf = (itemIndex: number) => (itemIndex === 0 ? [unused()] : [unused({ psid: 'psid-b', status: 'used' })]);
		const { output, requests } = await run(
			(itemIndex) => ({ ...request({ subscriberRows: rowsOf(itemIndex) }), psid: itemIndex === 0 ? 'psid-a' : 'psid-b' }),
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(requests).toHaveLength(1);
		expect((requests[0].body as IDataObject).recipient).toEqual({ id: 'psid-b' });
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[0].json.error).toContain('already holds an unused one-time token');
	});
});
