/**
 * The paid Marketing Message API in a real n8n: the marketing credential tested as the
 * editor tests it, marketing opt-ins captured by the Data Table capture template, a paid campaign
 * created (and read) with Request OTN's Marketing Campaign operations, a broadcast by
 * examples/paid-broadcast.json as shipped (refused without its Header Auth key; the campaign its own,
 * whatever the call names; every eligible token once; a second run within 12 hours
 * sends nothing and each row says when it can go), and the paid API's delivery, read, click and
 * failure webhooks reaching the send log rows that broadcast wrote, through Apply Event, then
 * counted by Summarize.
 */
import { randomUUID } from 'node:crypto';

import axios from 'axios';

import { SEND_LOG_COLUMNS } from '../../nodes/shared/tokens/sendLogRow';
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { TOKEN_ROW_COLUMNS, TOKEN_ROW_DATE_COLUMNS } from '../../nodes/shared/tokens/tokenRow';
import { createCredential, testCredential, type NewCredential } from '../../scripts/n8n/n8n-api';
import { createDataTable, dataTableRows, updateDataTableRows } from '../../scripts/n8n/n8n-data-tables';
import { BROADCAST_KEY_HEADER } from '../../scripts/demo/broadcastKey';
import { createWorkflow, type Execution, executions, nodeOutput, publishWorkflow } from '../../scripts/n8n/n8n-workflows';
import { waitForWebhook } from '../../scripts/n8n/wait-webhook';
import { e2eInstance } from './e2e-instance';
import { newE2ePage, type E2ePage } from './messengerPage';
import { publishPaidBroadcast, type PaidBroadcast } from './paidBroadcastExample';
import { loadTemplate } from './tokenStoreInbox';
import { waitFor } from './waitFor';

const n8n = e2eInstance();
const PAID_EVENTS = ['marketing_message_delivery', 'marketing_message_read', 'marketing_message_click', 'marketing_message_delivery_failed'];
const SEND_LOG_DATES = ['sentAt', 'deliveredAt', 'readAt', 'clickedAt', 'failedAt'];
/** The topic examples/paid-broadcast.json broadcasts. */
const TOPIC = 'deals';
const TWELVE_HOURS = 12 * 60 * 60 * 1000;

type Row = Record<string, unknown>;

/** By id: the one way every version of n8n's Data Table node takes a table (by name needs its version 1.1). */
const dataTable = (id: string) => ({ __rl: true, mode: 'id', value: id });

function selectionHints(execution: Execution): string[] {
	const run = execution.data?.resultData.runData['Select for Broadcast']?.[0] as { hints?: Array<{ message: string }> } | undefined;
	return (run?.hints ?? []).map((hint) => hint.message);
}

function node(name: string, type: string, typeVersion: number, position: [number, number], parameters: Row): Row {
	return { id: randomUUID(), name, type, typeVersion, position, parameters };
}

/**
 * The capture template as a user extends it for the paid API: its own tables, the trigger
 * subscribing the app with the four paid events, and a third Switch output that finds the send log
 * rows of the event's token, applies the event and updates them.
 */
async function publishInbox(page: E2ePage, tokensTableId: string, sendLogTableId: string): Promise<string> {
	const template = loadTemplate('capture-opt-ins-data-table.json');
	const webhookId = randomUUID();
	for (const each of template.nodes as Row[]) {
		const parameters = each.parameters as Row;
		if ((parameters.dataTableId as Row | undefined)?.value === 'otn_tokens') parameters.dataTableId = dataTable(tokensTableId);
		if (each.name === 'Messenger OTN Trigger') {
			each.webhookId = webhookId;
			each.credentials = { messengerOtnPageApi: page.credential };
			parameters.events = [...(parameters.events as string[]), ...PAID_EVENTS];
		}
		if (each.name === 'Opt-In or Status Change') {
			const rules = (parameters.rules as { values: Row[] }).values;
			rules.push({
				conditions: {
					options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 3 },
					conditions: [{ id: randomUUID(), leftValue: '={{ $json.type }}', rightValue: 'marketing_message_', operator: { type: 'string', operation: 'startsWith' } }],
					combinator: 'and',
				},
				renameOutput: true,
				outputKey: 'Paid Message Event',
			});
		}
	}
	const byToken = { conditions: [{ keyName: 'tokenId', condition: 'eq', keyValue: '={{ $json.tokenId }}' }] };
	const bySend = {
		conditions: [
			{ keyName: 'campaign', condition: 'eq', keyValue: '={{ $json.campaign }}' },
			{ keyName: 'tokenId', condition: 'eq', keyValue: '={{ $json.tokenId }}' },
		],
	};
	const autoMap = { mappingMode: 'autoMapInputData', value: {}, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: false };
	template.nodes.push(
		node('Send Log of Token', 'n8n-nodes-base.dataTable', 1.1, [500, 560], { resource: 'row', operation: 'get', dataTableId: dataTable(sendLogTableId), matchType: 'allConditions', filters: byToken, returnAll: true }) as never,
		node('Apply Paid Event', 'n8n-nodes-messenger-otn.otnTokenStore', 1, [740, 560], { resource: 'token', operation: 'applyEvent', rows: 'sendLog', event: "={{ $('Messenger OTN Trigger').item.json }}" }) as never,
		node('Update Send Log', 'n8n-nodes-base.dataTable', 1.1, [980, 560], { resource: 'row', operation: 'update', dataTableId: dataTable(sendLogTableId), matchType: 'allConditions', filters: bySend, columns: autoMap, options: {} }) as never,
	);
	const switchOutputs = (template.connections['Opt-In or Status Change'] as { main: unknown[] }).main;
	switchOutputs.push([{ node: 'Send Log of Token', type: 'main', index: 0 }]);
	template.connections['Send Log of Token'] = { main: [[{ node: 'Apply Paid Event', type: 'main', index: 0 }]] };
	template.connections['Apply Paid Event'] = { main: [[{ node: 'Update Send Log', type: 'main', index: 0 }]] };
	const workflowId = await createWorkflow(n8n, { ...template, name: `Paid API inbox (${webhookId})` });
	await publishWorkflow(n8n, workflowId);
	return workflowId;
}

/** Webhook → the given nodes in a row → the last node's items as the answer. */
async function publishChain(name: string, chain: Row[]): Promise<string> {
	const webhookId = randomUUID();
	const start = node('Start', 'n8n-nodes-base.webhook', 2.1, [0, 0], { httpMethod: 'POST', path: webhookId, responseMode: 'lastNode', responseData: 'allEntries', options: {} });
	(start as Row).webhookId = webhookId;
	const nodes = [start, ...chain];
	const connections = Object.fromEntries(nodes.slice(0, -1).map((each, index) => [each.name, { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] }]));
	const workflowId = await createWorkflow(n8n, { name: `${name} (${webhookId})`, nodes, connections, settings: { executionOrder: 'v1' } });
	await publishWorkflow(n8n, workflowId);
	await waitForWebhook(n8n.baseUrl, webhookId);
	return `${n8n.baseUrl}/webhook/${webhookId}`;
}

async function call(url: string, body: Row = {}): Promise<Row[]> {
	const response = await axios.post(url, body, { validateStatus: () => true });
	expect(response.status).toBe(200);
	return Array.isArray(response.data) ? response.data : [response.data];
}

describe('the paid Marketing Message API in a real n8n', () => {
	let page: E2ePage;
	let marketing: { id: string; name: string };
	let marketingData: NewCredential;
	let systemUserToken = '';
	let adAccountId = '';
	const tokensTable = `otn_tokens_paid_${randomUUID().slice(0, 8)}`;
	const sendLogTable = `otn_send_log_paid_${randomUUID().slice(0, 8)}`;
	let tokensTableId = '';
	let sendLogTableId = '';
	let campaignId = '';
	let broadcast: PaidBroadcast;
	const subscribers: Array<{ psid: string; token: string; trackingId?: string }> = [];

	beforeAll(async () => {
		page = await newE2ePage(n8n, 'Paid API e2e');
		const { account, systemUser } = await page.control.paid.newAdAccount([page.pageId], { name: 'Spring shop' });
		systemUserToken = systemUser.token;
		adAccountId = account.adAccountId;
		marketingData = {
			name: `Marketing API e2e (${adAccountId})`,
			type: 'messengerOtnMarketingApi',
			data: { accessToken: systemUserToken, adAccountId: `act_${adAccountId}`, appSecret: '', graphApiVersion: 'v25.0', graphHost: n8n.emulatorUrl },
		};
		marketing = await createCredential(n8n, marketingData);
		const dates: readonly string[] = TOKEN_ROW_DATE_COLUMNS;
		tokensTableId = (await createDataTable(n8n, tokensTable, TOKEN_ROW_COLUMNS.map((name) => ({ name, type: dates.includes(name) ? 'date' : 'string' })))).id;
		sendLogTableId = (await createDataTable(n8n, sendLogTable, SEND_LOG_COLUMNS.map((name) => ({ name, type: SEND_LOG_DATES.includes(name) ? 'date' : 'string' })))).id;
	});

	it("tests the Marketing API credential against the ad account, and says what to fix when it is not the system user's", async () => {
		expect(await testCredential(n8n, marketing.id, marketingData)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const wrong = { ...marketingData, data: { ...marketingData.data, adAccountId: 'act_123' } };
		const result = await testCredential(n8n, marketing.id, wrong);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/assign the ad account to the system user/);
	});

	it('captures marketing opt-ins with the capture template, the trigger subscribing the paid fields too', async () => {
		await publishInbox(page, tokensTableId, sendLogTableId);
		const subscribed = await waitFor(
			async () => (await page.control.webhookSubscriptions({ appId: page.app.appId }))[0],
			(state) => state.pages.length > 0,
		);
		expect(subscribed.pages[0].fields).toEqual(expect.arrayContaining(['messaging_optins', 'marketing_message_deliveries', 'marketing_message_reads', 'marketing_message_clicks', 'marketing_message_delivery_failed']));

		for (let index = 0; index < 3; index++) {
			const { psid } = await page.control.createSubscriber(page.pageId);
			await page.control.sendsMessage(page.pageId, psid, 'Any deals?');
			const request = { template_type: 'notification_messages', title: 'Deals', payload: TOPIC, notification_messages_cta_text: 'GET_UPDATES' };
			await axios.post(
				`${n8n.emulatorUrl}/v25.0/me/messages`,
				{ recipient: { id: psid }, messaging_type: 'RESPONSE', message: { attachment: { type: 'template', payload: request } } },
				{ headers: { Authorization: `Bearer ${page.pageToken}` } },
			);
			const { token } = await page.control.tapsNotifyMe(page.pageId, psid);
			subscribers.push({ psid, token: token.token });
		}
		await page.control.runDueWebhooks();
		const rows = await waitFor(() => dataTableRows(n8n, tokensTableId), (found) => found.length >= 3);
		expect(rows.map((row) => [row.tokenId, row.tokenType, row.status, row.topic]).sort()).toEqual(
			subscribers.map(({ token }) => [tokenIdOf(token), 'marketing', 'available', TOPIC]).sort(),
		);
	});

	it('creates a paid campaign with Request OTN, and reads it back', async () => {
		const credentials = { messengerOtnMarketingApi: marketing };
		const url = await publishChain('Create campaign', [
			{
				...node('Create Campaign', 'n8n-nodes-messenger-otn.messengerOtn', 1, [240, 0], {
					resource: 'marketingCampaign',
					operation: 'create',
					name: 'Spring sale',
					pageId: page.pageId,
					budgetType: 'lifetime',
					budgetCents: 1000,
				}),
				credentials,
			},
			{ ...node('Get Campaign', 'n8n-nodes-messenger-otn.messengerOtn', 1, [480, 0], { resource: 'marketingCampaign', operation: 'get', campaignId: '={{ $json.campaignId }}' }), credentials },
		]);
		const [campaign] = await call(url);
		campaignId = String(campaign.campaignId);
		expect(campaign).toMatchObject({ id: campaignId, name: 'Spring sale', status: 'ACTIVE', effective_status: 'ACTIVE', lifetime_budget: '1000' });
		expect(await page.control.paid.campaigns({ adAccountId })).toEqual([expect.objectContaining({ campaignId, pageId: page.pageId, lifetimeBudgetCents: 1000 })]);
	});

	it('refuses to start examples/paid-broadcast.json without its key, or with a wrong one: no execution, nothing billed', async () => {
		broadcast = await publishPaidBroadcast(n8n, { marketingCredential: marketing, campaignId, tableIds: { otn_tokens: tokensTableId, otn_send_log: sendLogTableId } });
		const keys: Array<Record<string, string>> = [{}, { [BROADCAST_KEY_HEADER]: 'guessed' }];
		for (const key of keys) {
			const response = await fetch(broadcast.url, { method: 'POST', headers: { 'content-type': 'application/json', ...key }, body: JSON.stringify({ campaignId }) });
			await response.text();
			expect(response.status).toBe(403);
		}
		expect(await executions(n8n, broadcast.workflowId)).toEqual([]);
		expect(await page.control.paid.messages({ pageId: page.pageId })).toEqual([]);
	});

	it('broadcasts with examples/paid-broadcast.json to every eligible marketing token once, and writes the sends back', async () => {
		// The call names another campaign: the workflow sends under its own all the same.
		const execution = await broadcast.run({ campaignId: '120000000000099' });
		expect(execution.status).toBe('success');
		const tokenIds = subscribers.map(({ token }) => tokenIdOf(token)).sort();
		expect(nodeOutput(execution, 'OTN Broadcast', 0).map((row) => row.tokenId).sort()).toEqual(tokenIds);
		expect(nodeOutput(execution, 'OTN Broadcast', 1)).toEqual([]);

		const paid = await page.control.paid.messages({ pageId: page.pageId });
		expect(paid.map((message) => [message.token, message.campaignId]).sort()).toEqual(subscribers.map(({ token }) => [token, campaignId]).sort());
		for (const subscriber of subscribers) subscriber.trackingId = paid.find((message) => message.token === subscriber.token)?.trackingId;

		const tokenRows = await dataTableRows(n8n, tokensTableId);
		for (const { token, trackingId } of subscribers) {
			const row = tokenRows.find((each) => each.tokenId === tokenIdOf(token)) ?? {};
			expect(row).toMatchObject({ status: 'available', campaign: campaignId, messageId: trackingId, error: null });
			expect(Date.parse(String(row.nextEligibleAt)) - Date.parse(String(row.lastSentAt))).toBe(TWELVE_HOURS);
		}
		const sendLog = await dataTableRows(n8n, sendLogTableId);
		expect(sendLog.map((row) => [row.campaign, row.tokenId, row.psid, row.messageId]).sort()).toEqual(
			subscribers.map(({ token, psid, trackingId }) => [campaignId, tokenIdOf(token), psid, trackingId]).sort(),
		);
		expect(sendLog.every((row) => row.pageId === page.pageId && row.sentAt != null)).toBe(true);
	});

	it('a second broadcast within 12 hours sends nothing: Select holds every token back until its nextEligibleAt', async () => {
		const before = await dataTableRows(n8n, tokensTableId);
		const execution = await broadcast.run();
		expect(execution.status).toBe('success');
		expect(selectionHints(execution)).toEqual([expect.stringMatching(/^0 rows eligible.* 3 cooling down/)]);
		expect(execution.data?.resultData.runData['OTN Broadcast']).toBeUndefined();
		expect(await page.control.paid.messages({ pageId: page.pageId })).toHaveLength(3);
		const nextEligible = (rows: Row[]) => rows.map((row) => [row.tokenId, row.nextEligibleAt]).sort();
		expect(nextEligible(await dataTableRows(n8n, tokensTableId))).toEqual(nextEligible(before));
	});

	it("and after a lost write-back, the broadcast's Not Sent rows say when each token can go, Meta having refused each", async () => {
		// As if the first run's write-back never happened: the token rows as they were before it.
		await updateDataTableRows(n8n, tokensTableId, { filters: [{ columnName: 'topic', condition: 'eq', value: TOPIC }] }, {
			lastSentAt: null,
			nextEligibleAt: null,
			campaign: null,
			messageId: null,
		});
		const startedAt = Date.now();
		const execution = await broadcast.run();
		expect(execution.status).toBe('success');
		expect(nodeOutput(execution, 'OTN Broadcast', 0)).toEqual([]);
		const notSent = nodeOutput(execution, 'OTN Broadcast', 1);
		expect(notSent.map((row) => row.tokenId).sort()).toEqual(subscribers.map(({ token }) => tokenIdOf(token)).sort());
		for (const row of notSent) {
			expect(row).toMatchObject({ status: 'available', error: expect.stringMatching(/^notNow: .*less than 12 hours ago/) });
			expect(Date.parse(String(row.nextEligibleAt))).toBeGreaterThanOrEqual(startedAt + TWELVE_HOURS);
		}
		expect(await page.control.paid.messages({ pageId: page.pageId })).toHaveLength(3);
		const stored = await dataTableRows(n8n, tokensTableId);
		expect(stored.map((row) => [row.tokenId, row.status, row.nextEligibleAt]).sort()).toEqual(notSent.map((row) => [row.tokenId, 'available', row.nextEligibleAt]).sort());
		expect(await dataTableRows(n8n, sendLogTableId)).toHaveLength(3);
	});

	it('brings the delivery, read, click and failure webhooks to the send log rows through Apply Event', async () => {
		const [ana, ben, cleo] = subscribers;
		await page.control.paid.reports(page.pageId, ana.psid, { kind: 'read' });
		await page.control.paid.reports(page.pageId, ben.psid, { kind: 'click' });
		await page.control.paid.reports(page.pageId, cleo.psid, { kind: 'delivery_failed', errorMessage: 'Message expired' });
		await page.control.runDueWebhooks();

		const rowOf = (rows: Row[], token: string) => rows.find((row) => row.tokenId === tokenIdOf(token)) ?? {};
		const done = (rows: Row[]) => rowOf(rows, ana.token).readAt != null && rowOf(rows, ben.token).clickedAt != null && rowOf(rows, cleo.token).failedAt != null;
		const rows = await waitFor(() => dataTableRows(n8n, sendLogTableId), done, 30_000);
		const date = expect.anything();
		expect(rowOf(rows, ana.token)).toMatchObject({ messageId: ana.trackingId, deliveredAt: date, readAt: date, clickedAt: null, failedAt: null });
		expect(rowOf(rows, ben.token)).toMatchObject({ messageId: ben.trackingId, deliveredAt: date, readAt: date, clickedAt: date, failedAt: null });
		expect(rowOf(rows, cleo.token)).toMatchObject({
			deliveredAt: null,
			failedAt: date,
			error: 'deliveryFailed: Meta could not deliver the marketing message (Message expired)',
		});
		expect(rows).toHaveLength(3);
	});

	it('counts the sends of the campaign with Summarize', async () => {
		const url = await publishChain('Campaign figures', [
			node('Send Log', 'n8n-nodes-base.dataTable', 1.1, [240, 0], { resource: 'row', operation: 'get', dataTableId: dataTable(sendLogTableId), returnAll: true }),
			node('Summarize', 'n8n-nodes-messenger-otn.otnTokenStore', 1, [480, 0], { resource: 'token', operation: 'summarize', report: 'campaigns', rows: 'sendLog' }),
		]);
		expect(await call(url)).toEqual([{ campaign: campaignId, sent: 3, delivered: 2, read: 2, clicked: 1, failed: 1 }]);
	});
});
