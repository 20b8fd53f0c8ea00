// OTN Token Store inside n8n-core's real engine: pairedItem, the second output, the error
// output, continueOnFail, execution hints, expressions, and tokens kept out of errors and hints.
import type { IDataObject } from 'n8n-workflow';

import { OtnTokenStore } from '../../nodes/OtnTokenStore/OtnTokenStore.node';
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { normalizeMessagingEvent } from '../../nodes/shared/webhook/normalizeEvent';
import { EVENTS, PAGE_ID, PSID, TIME } from '../fixtures/messengerWebhooks';
import { runNode } from '../harness/n8nEngine';

const node = new OtnTokenStore();
const DAY = 24 * 60 * 60 * 1000;
const TOKEN = `AQ${'r4nd0mT0k3n'.repeat(12)}`;

const triggerItem = (event: unknown) => normalizeMessagingEvent(PAGE_ID, event) as IDataObject;
const otnOptIn = (token: string, psid = PSID) => triggerItem({ ...EVENTS.otnOptin, sender: { id: psid }, optin: { ...EVENTS.otnOptin.optin, one_time_notif_token: token } });

function storedRow(token: string, overrides: IDataObject = {}): IDataObject {
	return {
		id: 1,
		createdAt: new Date(),
		updatedAt: new Date(),
		tokenId: tokenIdOf(token),
		token,
		tokenType: 'one_time',
		pageId: PAGE_ID,
		psid: PSID,
		topic: 'deals',
		optedInAt: new Date(Date.now() - 10 * DAY),
		expiresAt: new Date(Date.now() + 300 * DAY),
		status: 'available',
		...overrides,
	};
}

function withoutTokens(value: unknown, ...tokens: string[]): void {
	const text = JSON.stringify(value);
	for (const token of tokens) expect(text).not.toContain(token);
}

describe('OTN Token Store in the real engine', () => {
	it('Record Opt-in: one row per token, paired with every item that carried it; other events to the error output', async () => {
		const run = await runNode({
			node,
			parameters: { resource: 'token', operation: 'recordOptIn' },
			input: [otnOptIn(TOKEN), triggerItem(EVENTS.delivery), otnOptIn(TOKEN), otnOptIn('SECOND-TAP-TOKEN')],
			onError: 'continueErrorOutput',
		});
		const [rows, errors] = run.outputs;
		expect(rows.map((item) => [item.json.tokenId, item.json.status, item.pairedItem])).toEqual([
			[tokenIdOf(TOKEN), 'available', [{ item: 0 }, { item: 2 }]],
			[tokenIdOf('SECOND-TAP-TOKEN'), 'available', { item: 3 }],
		]);
		expect(rows[0].json).not.toHaveProperty('raw');
		expect(errors).toHaveLength(1);
		expect(errors[0].pairedItem).toEqual({ item: 1 });
		expect(errors[0].json.error).toBe('Item 1 cannot be recorded: it is a "delivery" event, not an opt-in');
		expect(errors[0].json.details).toMatch(/Switch on \{\{ \$json.type \}\}/);
		expect(run.hints.map((hint) => hint.message)).toEqual(['1 opt-in(s) repeated a token already in this run; each token is put out once.']);
	});

	it('stops on the first item that is not an opt-in unless told to continue, saying how to fix it', async () => {
		const run = await runNode({ node, parameters: { resource: 'token', operation: 'recordOptIn' }, input: [otnOptIn(TOKEN), triggerItem(EVENTS.read)] });
		expect(run.error?.message).toBe('Item 1 cannot be recorded: it is a "read" event, not an opt-in');
		expect(run.error?.description).toMatch(/Apply Event/);
		expect(run.error?.context).toMatchObject({ itemIndex: 1 });
		withoutTokens(run.run.data.resultData.error, TOKEN);
	});

	it('Select for Broadcast: eligible rows on the first output, rows to write back on the second, counts in a hint', async () => {
		const expired = `EXPIRED-${TOKEN}`;
		const run = await runNode({
			node,
			parameters: { resource: 'token', operation: 'selectForBroadcast', topic: 'deals' },
			input: [
				storedRow(TOKEN),
				storedRow(`LATER-${TOKEN}`, { expiresAt: new Date(Date.now() + 350 * DAY) }),
				storedRow(TOKEN, { id: 2 }),
				storedRow(expired, { psid: 'another-subscriber', expiresAt: new Date(Date.now() - DAY) }),
				storedRow(`NEWS-${TOKEN}`, { topic: 'news' }),
				storedRow(`BROKEN-${TOKEN}`, { status: 'sent' }),
			],
			onError: 'continueErrorOutput',
		});
		const [eligible, statusChanges, errors] = run.outputs;
		expect(eligible.map((item) => [item.json.tokenId, item.json.token, item.pairedItem])).toEqual([[tokenIdOf(TOKEN), TOKEN, [{ item: 0 }, { item: 2 }]]]);
		expect(eligible[0].json).not.toHaveProperty('id');
		expect(statusChanges.map((item) => [item.json, item.pairedItem])).toEqual([[{ tokenId: tokenIdOf(expired), status: 'expired' }, { item: 3 }]]);
		expect(errors.map((item) => [item.json.error, item.pairedItem])).toEqual([
			[`Item 5 (id 1, tokenId ${tokenIdOf(`BROKEN-${TOKEN}`)}) is not a token row: column "status" holds "sent", which is not one of available, used, expired, revoked, failed`, { item: 5 }],
		]);
		expect(run.hints[0].message).toBe(
			'1 row eligible (one per subscriber and topic) of 5 readable rows, 1 expired (second output), 1 extra token held back, 1 outside this topic, Page or test audience, 1 duplicate of a tokenId counted once. By topic: deals: 1 eligible, 1 expired, 1 extra.',
		);
		withoutTokens([run.hints, errors.map((item) => [item.json.error, item.json.details])], TOKEN);
	});

	it('Select for Broadcast warns when the eligible rows belong to several Pages, and says nothing of it for one', async () => {
		const input = [storedRow(TOKEN), storedRow(`OTHER-PAGE-${TOKEN}`, { pageId: '900000000000009', psid: 'another-subscriber' })];
		const both = await runNode({ node, parameters: { resource: 'token', operation: 'selectForBroadcast', topic: 'deals' }, input });
		expect(both.outputs[0]).toHaveLength(2);
		const warning = both.hints.find((hint) => /Pages/.test(hint.message));
		expect(warning?.message).toMatch(/^The eligible rows belong to 2 Pages \(.*900000000000009.*\)\. OTN Broadcast sends only the rows of its credential's Page and keeps the others as they were: set Page ID/);
		const one = await runNode({ node, parameters: { resource: 'token', operation: 'selectForBroadcast', topic: 'deals', pageId: '900000000000009' }, input });
		expect(one.outputs[0]).toHaveLength(1);
		expect(one.hints.map((hint) => hint.message).join(' ')).not.toMatch(/belong to \d+ Pages/);
	});

	it('Apply Event: reads the event through an expression and puts out the key and changed columns of each row', async () => {
		const read = triggerItem(EVENTS.read);
		const sentAt = new Date(TIME - 60_000).toISOString();
		const run = await runNode({
			node,
			parameters: { resource: 'token', operation: 'applyEvent', rows: 'tokenRows', event: "={{ $('Start').item.json.event }}" },
			input: [
				{ ...storedRow(TOKEN, { status: 'used', lastSentAt: sentAt, campaign: 'spring', messageId: 'm_1' }), event: read },
				{ ...storedRow(`UNSENT-${TOKEN}`), event: read },
				{ ...storedRow(`OTHER-${TOKEN}`), event: { ...read, type: 'postback' } },
			],
			onError: 'continueRegularOutput',
		});
		const at = new Date(TIME).toISOString();
		expect(run.outputs[0].map((item) => [item.json, item.pairedItem])).toEqual([
			[{ tokenId: tokenIdOf(TOKEN), deliveredAt: at, readAt: at }, { item: 0 }],
			[{ error: 'The Event of item 2 cannot be applied: it is a "postback" event; Apply Event takes marketing_stop, marketing_resume, delivery, read, marketing_message_delivery, marketing_message_read, marketing_message_click, marketing_message_delivery_failed, marketing_unsubscribe', details: expect.stringContaining("$('Messenger OTN Trigger')") }, { item: 2 }],
		]);
		expect(run.hints[0].message).toBe('1 row(s) to update, 0 revoked, 0 restored, 1 delivered, 1 read, 0 clicked, 0 failed');
	});

	it('Summarize: one item per Page and topic, paired with its rows', async () => {
		const run = await runNode({
			node,
			parameters: { resource: 'token', operation: 'summarize', report: 'tokens', expiringWithinDays: 7 },
			input: [storedRow(TOKEN), storedRow(TOKEN, { id: 2 }), storedRow(`USED-${TOKEN}`, { status: 'used' })],
		});
		expect(run.outputs[0].map((item) => [item.json, item.pairedItem])).toEqual([
			[
				{ pageId: PAGE_ID, topic: 'deals', tokens: 2, subscribers: 1, available: 1, coolingDown: 0, used: 1, expired: 0, revoked: 0, failed: 0, expiringSoon: 0, expiringWithinDays: 7 },
				[{ item: 0 }, { item: 1 }, { item: 2 }],
			],
		]);
	});

	it('Forget Subscriber: the rows of one PSID, by tokenId, with what each holds', async () => {
		const run = await runNode({
			node,
			parameters: { resource: 'token', operation: 'forgetSubscriber', psid: PSID },
			input: [storedRow(TOKEN), storedRow(`THEIRS-${TOKEN}`, { psid: 'someone-else' })],
		});
		expect(run.outputs[0].map((item) => [item.json, item.pairedItem])).toEqual([
			[expect.objectContaining({ tokenId: tokenIdOf(TOKEN), pageId: PAGE_ID, psid: PSID, topic: 'deals', tokenRows: 1, sendLogRows: 0 }), { item: 0 }],
		]);
		expect(JSON.stringify(run.outputs)).not.toContain(TOKEN);
		expect(run.hints[0].message).toBe('1 row(s) of this subscriber to delete, by tokenId, of 2 row(s) in.');
	});

	it('Forget Subscriber: an item without a PSID goes to the error output, the others are still found', async () => {
		const run = await runNode({
			node,
			parameters: { resource: 'token', operation: 'forgetSubscriber', psid: '={{ $json.requestPsid }}' },
			input: [{ ...storedRow(TOKEN), requestPsid: PSID }, { ...storedRow(`OTHER-${TOKEN}`), requestPsid: '' }],
			onError: 'continueErrorOutput',
		});
		const [forgotten, errors] = run.outputs;
		expect(forgotten.map((item) => item.json.tokenId)).toEqual([tokenIdOf(TOKEN)]);
		expect(errors.map((item) => [item.json.error, item.pairedItem])).toEqual([['The PSID to forget is empty for item 1', { item: 1 }]]);
	});
});
