// Apply Event's Event parameter left empty: the event comes from the Messenger OTN Trigger the rows
// were looked up for, whatever the trigger is named; saved workflows with the old expression still work.
import type { IDataObject } from 'n8n-workflow';

import { OtnTokenStore } from '../../nodes/OtnTokenStore/OtnTokenStore.node';
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { normalizeMessagingEvent } from '../../nodes/shared/webhook/normalizeEvent';
import { EVENTS, PAGE_ID, PSID, TIME } from '../fixtures/messengerWebhooks';
import { runNode } from '../harness/n8nEngine';

const node = new OtnTokenStore();
const TOKEN = `AQ${'r4nd0mT0k3n'.repeat(12)}`;
const TRIGGER_TYPE = 'n8n-nodes-messenger-otn.messengerOtnTrigger';
const sentAt = new Date(TIME - 60_000).toISOString();
const read = normalizeMessagingEvent(PAGE_ID, EVENTS.read) as IDataObject;

// The trigger's item carries the read; the same item stands for the row looked up for it.
const sentRow: IDataObject = {
	tokenId: tokenIdOf(TOKEN),
	token: TOKEN,
	tokenType: 'one_time',
	pageId: PAGE_ID,
	psid: PSID,
	topic: 'deals',
	optedInAt: new Date(TIME - 86_400_000).toISOString(),
	expiresAt: new Date(TIME + 300 * 86_400_000).toISOString(),
	status: 'used',
	lastSentAt: sentAt,
	campaign: 'spring',
	messageId: 'm_1',
};
const at = new Date(TIME).toISOString();

describe('Apply Event without an Event expression', () => {
	it('reads the event from the Messenger OTN Trigger upstream, also when the trigger was renamed', async () => {
		const run = await runNode({
			node,
			parameters: { resource: 'token', operation: 'applyEvent', rows: 'tokenRows' },
			input: [{ ...read, ...sentRow }],
			start: { name: 'Page Inbox', type: TRIGGER_TYPE },
		});
		expect(run.error).toBeUndefined();
		expect(run.outputs[0].map((item) => [item.json, item.pairedItem])).toEqual([[{ tokenId: tokenIdOf(TOKEN), deliveredAt: at, readAt: at }, { item: 0 }]]);
	});

	it("still takes a saved workflow's expression naming the trigger", async () => {
		const run = await runNode({
			node,
			parameters: { resource: 'token', operation: 'applyEvent', rows: 'tokenRows', event: "={{ $('Messenger OTN Trigger').item.json }}" },
			input: [{ ...read, ...sentRow }],
			start: { name: 'Messenger OTN Trigger', type: TRIGGER_TYPE },
		});
		expect(run.outputs[0].map((item) => item.json)).toEqual([{ tokenId: tokenIdOf(TOKEN), deliveredAt: at, readAt: at }]);
	});

	it('still reads an Event saved as JSON text, from when the parameter was a JSON field', async () => {
		const run = await runNode({
			node,
			parameters: { resource: 'token', operation: 'applyEvent', rows: 'tokenRows', event: JSON.stringify(read) },
			input: [sentRow],
		});
		expect(run.outputs[0].map((item) => item.json)).toEqual([{ tokenId: tokenIdOf(TOKEN), deliveredAt: at, readAt: at }]);
	});

	it('says how to set the Event when no Messenger OTN Trigger comes before the node', async () => {
		const run = await runNode({
			node,
			parameters: { resource: 'token', operation: 'applyEvent', rows: 'tokenRows' },
			input: [{ ...read, ...sentRow }],
			onError: 'continueRegularOutput',
		});
		expect(run.outputs[0].map((item) => [item.json, item.pairedItem])).toEqual([
			[
				{
					error: 'The Event of item 0 cannot be read: Event is empty and no Messenger OTN Trigger comes before this node',
					details: expect.stringMatching(/^Leave Event empty to read it from the Messenger OTN Trigger/),
				},
				{ item: 0 },
			],
		]);
	});
});
