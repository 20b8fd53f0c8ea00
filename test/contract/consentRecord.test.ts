// Export Consent Record and Forget Subscriber's record inside n8n-core's real engine: pairedItem,
// the CSV file as n8n binary data, the error output, and tokens kept out of the record.
import type { IDataObject } from 'n8n-workflow';

import { OtnTokenStore } from '../../nodes/OtnTokenStore/OtnTokenStore.node';
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { normalizeMessagingEvent } from '../../nodes/shared/webhook/normalizeEvent';
import { EVENTS, PAGE_ID, PSID } from '../fixtures/messengerWebhooks';
import { runNode } from '../harness/n8nEngine';

const node = new OtnTokenStore();
const TOKEN = `AQ${'c0ns3ntT0k3n'.repeat(12)}`;
const STOP_TOKEN = 'MKT-TOKEN-1';

/** Rows as a Data Table Get gives them: its own columns beside the token row's, dates as Date. */
const tokenRow = (token: string, overrides: IDataObject = {}): IDataObject => ({
	id: 7,
	createdAt: new Date('2026-03-01T10:00:01.000Z'),
	tokenId: tokenIdOf(token),
	token,
	tokenType: 'one_time',
	pageId: PAGE_ID,
	psid: PSID,
	topic: 'restock:red',
	title: 'Red sneakers are back',
	optedInAt: new Date('2026-03-01T10:00:00.000Z'),
	expiresAt: new Date('2027-03-01T10:00:00.000Z'),
	status: 'used',
	lastSentAt: new Date('2026-04-02T09:00:00.000Z'),
	campaign: 'april',
	messageId: 'm_april',
	...overrides,
});
const sendLogRow = (token: string, campaign: string, sentAt: string): IDataObject => ({ id: 3, campaign, tokenId: tokenIdOf(token), pageId: PAGE_ID, psid: PSID, messageId: `m_${campaign}`, sentAt: new Date(sentAt) });
const marketingRow = tokenRow(STOP_TOKEN, { tokenType: 'marketing', topic: 'weekly-deals', title: 'Weekly deals', expiresAt: null, status: 'revoked', lastSentAt: null, campaign: null, messageId: null });
const stopEvent = normalizeMessagingEvent(PAGE_ID, { ...EVENTS.marketingStop, timestamp: Date.parse('2026-04-10T00:00:00.000Z') }) as unknown as IDataObject;

const exportRecord = (parameters: IDataObject, input: IDataObject[], onError?: 'continueErrorOutput') =>
	runNode({ node, parameters: { resource: 'token', operation: 'exportConsentRecord', ...parameters }, input, onError });

describe('OTN Token Store: Export Consent Record', () => {
	const input = [tokenRow(TOKEN), sendLogRow(TOKEN, 'april', '2026-04-02T09:00:00.000Z'), marketingRow, stopEvent, tokenRow('THEIRS-TOKEN-123456', { psid: 'someone-else' })];

	it('gives the subscriber’s history as one item per event, oldest first per topic, paired with the rows it comes from', async () => {
		const run = await exportRecord({ psid: PSID }, input);
		expect(run.error).toBeUndefined();
		expect(run.outputs[0].map((item) => [item.json.topic, item.json.event, item.json.at, item.json.title ?? item.json.campaign, item.pairedItem])).toEqual([
			['restock:red', 'opted_in', '2026-03-01T10:00:00.000Z', 'Red sneakers are back', { item: 0 }],
			['restock:red', 'sent', '2026-04-02T09:00:00.000Z', 'april', { item: 1 }],
			['weekly-deals', 'opted_in', '2026-03-01T10:00:00.000Z', 'Weekly deals', { item: 2 }],
			['weekly-deals', 'stopped', '2026-04-10T00:00:00.000Z', null, { item: 3 }],
		]);
		expect(run.hints[0].message).toBe('4 consent event(s) of 1 subscriber(s), from 5 item(s) in.');
		expect(JSON.stringify(run.outputs)).not.toContain(TOKEN);
		expect(JSON.stringify(run.outputs)).not.toContain(STOP_TOKEN);
	});

	it('gives the same record as one CSV file in n8n binary data, paired with every row it holds', async () => {
		const run = await exportRecord({ psid: PSID, format: 'csv', binaryPropertyName: 'record', fileName: 'psid-consent.csv' }, input);
		const [item] = run.outputs[0];
		expect(run.outputs[0]).toHaveLength(1);
		expect(item.json).toEqual({ fileName: 'psid-consent.csv', events: 4, subscribers: 1 });
		expect(item.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		const file = item.binary!.record;
		expect(file).toMatchObject({ fileName: 'psid-consent.csv', mimeType: 'text/csv', fileExtension: 'csv' });
		const lines = Buffer.from(file.data, 'base64').toString('utf8').split('\r\n');
		expect(lines[0]).toBe('pageId,psid,topic,event,at,tokenId,tokenType,title,campaign,messageId,deliveredAt,readAt,clickedAt,failedAt,note');
		expect(lines[1]).toBe(`${PAGE_ID},${PSID},restock:red,opted_in,2026-03-01T10:00:00.000Z,${tokenIdOf(TOKEN)},one_time,Red sneakers are back,,,,,,,`);
		expect(lines).toHaveLength(6);
		expect(lines.join('\n')).not.toContain(TOKEN);
	});

	it('sends an item that is no row nor consent event to the error output, and still exports the rest', async () => {
		const run = await exportRecord({}, [tokenRow(TOKEN), { ...stopEvent, type: 'read' }], 'continueErrorOutput');
		const [record, errors] = run.outputs;
		expect(record.map((item) => item.json.event)).toEqual(['opted_in', 'sent']);
		expect(errors.map((item) => [item.json.error, item.pairedItem])).toEqual([
			[`Item 1 (tokenId ${tokenIdOf(STOP_TOKEN)}) is not a stop, resume or unsubscribe event: it is a "read" event; a consent record takes marketing_stop, marketing_resume, marketing_unsubscribe (deliveries and reads come from the send log)`, { item: 1 }],
		]);
	});
});

describe('OTN Token Store: Forget Subscriber keeps a record of what it deletes', () => {
	it('gives, per tokenId, the token row’s columns (never the token) and the send log rows that go with it', async () => {
		const run = await runNode({
			node,
			parameters: { resource: 'token', operation: 'forgetSubscriber', psid: PSID },
			input: [tokenRow(TOKEN), sendLogRow(TOKEN, 'april', '2026-04-02T09:00:00.000Z'), sendLogRow(TOKEN, 'may', '2026-05-02T09:00:00.000Z'), tokenRow('THEIRS-TOKEN-123456', { psid: 'someone-else' })],
		});
		expect(run.outputs[0].map((item) => [item.json, item.pairedItem])).toEqual([
			[
				{
					tokenId: tokenIdOf(TOKEN),
					pageId: PAGE_ID,
					psid: PSID,
					tokenType: 'one_time',
					topic: 'restock:red',
					title: 'Red sneakers are back',
					status: 'used',
					optedInAt: '2026-03-01T10:00:00.000Z',
					expiresAt: '2027-03-01T10:00:00.000Z',
					lastSentAt: '2026-04-02T09:00:00.000Z',
					tokenRows: 1,
					sendLogRows: 2,
					unreadableRows: 0,
					campaigns: 'april, may',
					forgottenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				},
				[{ item: 0 }, { item: 1 }, { item: 2 }],
			],
		]);
		expect(JSON.stringify(run.outputs)).not.toContain(TOKEN);
	});
});
