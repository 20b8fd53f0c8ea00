/**
 * The Data Table capture template's race, measured in a real n8n: its *If Row Does Not Exist* →
 * *Insert* is check-then-insert, so two copies of one opt-in (Meta's retry arriving with the
 * original) that run at the same moment can both insert. Fifty such pairs go out at once; the test
 * counts the rows per tokenId and prints how many tokens the table holds twice (the README quotes
 * it). No opt-in is lost, none is stored more than twice, and Select for Broadcast over the table
 * still yields each token once.
 */
import { randomUUID } from 'node:crypto';

import { postAsMeta } from '../../emulator/webhooks/postAsMeta';
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { createTokenTable } from '../../scripts/demo/tokenTable';
import { createCredential } from '../../scripts/n8n/n8n-api';
import { dataTableRows } from '../../scripts/n8n/n8n-data-tables';
import { createWorkflow, publishWorkflow, unpublishWorkflow } from '../../scripts/n8n/n8n-workflows';
import { waitForWebhook } from '../../scripts/n8n/wait-webhook';
import { e2eInstance } from './e2e-instance';
import { finishedExecutions } from './lifecycleWorkflows';
import { loadTemplate, metaToken, oneTimeOptIn } from './tokenStoreInbox';
import { waitFor } from './waitFor';

const n8n = e2eInstance();
const PAIRS = 50;
const TRIGGER = 'Messenger OTN Trigger';
const T0 = Date.now() - 60 * 60 * 1000;

/** The template as shipped, on a table of its own (by id) and with a trigger served at a known URL. */
async function publishCapture(tableId: string, appSecret: string): Promise<{ workflowId: string; url: string }> {
	const template = loadTemplate('capture-opt-ins-data-table.json');
	const webhookId = randomUUID();
	const pageCredential = await createCredential(n8n, {
		name: `Capture race e2e ${webhookId}`,
		type: 'messengerOtnPageApi',
		data: { accessToken: 'PAGE-TOKEN', appId: '1001', appSecret, graphApiVersion: 'v25.0', graphHost: n8n.emulatorUrl },
	});
	for (const node of template.nodes) {
		if (node.parameters.dataTableId) node.parameters.dataTableId = { __rl: true, mode: 'id', value: tableId };
		if (node.credentials) node.credentials = { messengerOtnPageApi: pageCredential };
		if (node.name === TRIGGER) {
			node.webhookId = webhookId;
			node.parameters = { ...node.parameters, subscribeOnActivation: false, verifyToken: randomUUID() };
		}
	}
	const workflowId = await createWorkflow(n8n, { ...template, name: `${template.name} (race ${webhookId})` });
	await publishWorkflow(n8n, workflowId);
	await waitForWebhook(n8n.baseUrl, `${webhookId}/webhook`);
	return { workflowId, url: `${n8n.baseUrl}/webhook/${webhookId}/webhook` };
}

/** Webhook → every row of the table → Select for Broadcast (topic deals), answering the eligible rows. */
async function publishSelection(tableId: string): Promise<{ workflowId: string; url: string }> {
	const webhookId = randomUUID();
	const workflowId = await createWorkflow(n8n, {
		name: `Select after the race (${webhookId})`,
		nodes: [
			{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0], webhookId, parameters: { httpMethod: 'POST', path: webhookId, responseMode: 'lastNode', responseData: 'allEntries', options: {} } },
			{ id: randomUUID(), name: 'All Token Rows', type: 'n8n-nodes-base.dataTable', typeVersion: 1.1, position: [240, 0], parameters: { resource: 'row', operation: 'get', dataTableId: { __rl: true, mode: 'id', value: tableId }, returnAll: true } },
			{ id: randomUUID(), name: 'Select for Broadcast', type: 'n8n-nodes-messenger-otn.otnTokenStore', typeVersion: 1, position: [480, 0], parameters: { resource: 'token', operation: 'selectForBroadcast', topic: 'deals' } },
		],
		connections: {
			Start: { main: [[{ node: 'All Token Rows', type: 'main', index: 0 }]] },
			'All Token Rows': { main: [[{ node: 'Select for Broadcast', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	});
	await publishWorkflow(n8n, workflowId);
	await waitForWebhook(n8n.baseUrl, webhookId);
	return { workflowId, url: `${n8n.baseUrl}/webhook/${webhookId}` };
}

describe('the Data Table capture template under concurrent duplicate opt-ins, in a real n8n', () => {
	const appSecret = randomUUID().replace(/-/g, '');
	const optIns = Array.from({ length: PAIRS }, (_unused, index) => {
		const token = metaToken(`race-${index}`);
		return { tokenId: tokenIdOf(token), body: oneTimeOptIn(`71000000000${String(index).padStart(5, '0')}`, 'deals', token, T0 + index * 1000) };
	});
	let tableId = '';
	let capture: { workflowId: string; url: string };
	let selection: { workflowId: string; url: string };
	const rowsPerToken = new Map<string, number>();

	beforeAll(async () => {
		tableId = (await createTokenTable(n8n, `otn_tokens_race_${randomUUID().slice(0, 8)}`)).id;
		capture = await publishCapture(tableId, appSecret);
		selection = await publishSelection(tableId);
	});

	afterAll(async () => {
		if (capture) await unpublishWorkflow(n8n, capture.workflowId);
		if (selection) await unpublishWorkflow(n8n, selection.workflowId);
		const twice = [...rowsPerToken.values()].filter((count) => count === 2).length;
		console.log(`data table race: ${PAIRS} concurrent duplicate pairs → ${twice} tokenIds with two rows (${[...rowsPerToken.values()].reduce((sum, count) => sum + count, 0)} rows for ${PAIRS} tokens)`);
	});

	it(`${PAIRS} pairs of identical signed opt-ins at once: every token stored, none more than twice`, async () => {
		const statuses = await Promise.all(optIns.flatMap(({ body }) => [postAsMeta(capture.url, body, appSecret), postAsMeta(capture.url, body, appSecret)]));
		expect(statuses).toEqual(Array(2 * PAIRS).fill(200));
		const done = await waitFor(() => finishedExecutions(n8n, capture.workflowId), (all) => all.length >= 2 * PAIRS, 90_000);
		expect(done.filter((execution) => execution.status !== 'success')).toEqual([]);
		expect(done).toHaveLength(2 * PAIRS);

		for (const row of await dataTableRows(n8n, tableId)) rowsPerToken.set(String(row.tokenId), (rowsPerToken.get(String(row.tokenId)) ?? 0) + 1);
		expect([...rowsPerToken.keys()].sort()).toEqual(optIns.map(({ tokenId }) => tokenId).sort());
		expect([...rowsPerToken.values()].every((count) => count === 1 || count === 2)).toBe(true);
	});

	it('Select for Broadcast over that table yields each token once', async () => {
		const response = await fetch(selection.url, { method: 'POST' });
		expect(response.status).toBe(200);
		const body = (await response.json()) as Array<Record<string, unknown>> | Record<string, unknown>;
		const eligible = Array.isArray(body) ? body : [body];
		expect(eligible.map((row) => String(row.tokenId)).sort()).toEqual(optIns.map(({ tokenId }) => tokenId).sort());
	});
});
