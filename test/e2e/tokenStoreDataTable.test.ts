/**
 * The Data Table template in a real n8n: Meta's retries never add a row or revive a used token,
 * Select for Broadcast takes one token per subscriber, and stops and reads reach the rows through
 * Apply Event, the trigger item found again through the Switch and the Data Table lookup.
 */
import { randomUUID } from 'node:crypto';

import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { TOKEN_ROW_COLUMNS, TOKEN_ROW_DATE_COLUMNS } from '../../nodes/shared/tokens/tokenRow';
import { createDataTable, dataTableRows, updateDataTableRows } from '../../scripts/n8n/n8n-data-tables';
import { createWorkflow, executions, publishWorkflow } from '../../scripts/n8n/n8n-workflows';
import { e2eInstance } from './e2e-instance';
import { deliverInOrder, marketingOptIn, metaToken, oneTimeOptIn, publishInbox, readUpTo } from './tokenStoreInbox';
import { waitForWebhook } from '../../scripts/n8n/wait-webhook';

const n8n = e2eInstance();
const TABLE = 'otn_tokens';
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.now() - 10 * DAY;

/** A second workflow: Webhook → all rows of the table → Select for Broadcast of one topic. */
async function publishSelection(topic: string): Promise<{ url: string; workflowId: string }> {
	const webhookId = randomUUID();
	const table = { __rl: true, mode: 'name', value: TABLE };
	const workflowId = await createWorkflow(n8n, {
		name: `Select ${topic} (${webhookId})`,
		nodes: [
			{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0], webhookId, parameters: { httpMethod: 'POST', path: webhookId, responseMode: 'lastNode', responseData: 'allEntries', options: {} } },
			{ id: randomUUID(), name: 'All Token Rows', type: 'n8n-nodes-base.dataTable', typeVersion: 1.1, position: [240, 0], parameters: { resource: 'row', operation: 'get', dataTableId: table, returnAll: true } },
			{ id: randomUUID(), name: 'Select for Broadcast', type: 'n8n-nodes-messenger-otn.otnTokenStore', typeVersion: 1, position: [480, 0], parameters: { resource: 'token', operation: 'selectForBroadcast', topic } },
		],
		connections: {
			Start: { main: [[{ node: 'All Token Rows', type: 'main', index: 0 }]] },
			'All Token Rows': { main: [[{ node: 'Select for Broadcast', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	});
	await publishWorkflow(n8n, workflowId);
	const url = `${n8n.baseUrl}/webhook/${webhookId}`;
	await waitForWebhook(n8n.baseUrl, webhookId);
	return { url, workflowId };
}

async function selected(url: string): Promise<Array<Record<string, unknown>>> {
	const response = await fetch(url, { method: 'POST' });
	expect(response.status).toBe(200);
	const body = (await response.json()) as Array<Record<string, unknown>> | Record<string, unknown>;
	return Array.isArray(body) ? body : [body];
}

describe('the Data Table template in a real n8n', () => {
	const ana = { psid: '7000000000000001', first: metaToken('ana-1'), second: metaToken('ana-2') };
	const ben = { psid: '7000000000000002', token: metaToken('ben') };
	const cleo = { psid: '7000000000000003', token: metaToken('cleo') };
	const bodies = {
		anaFirst: oneTimeOptIn(ana.psid, 'deals', ana.first, T0),
		anaSecond: oneTimeOptIn(ana.psid, 'deals', ana.second, T0 + 60_000),
		ben: oneTimeOptIn(ben.psid, 'deals', ben.token, T0 + 120_000),
		cleo: marketingOptIn(cleo.psid, 'news', cleo.token, T0 + 180_000),
	};
	let tableId = '';
	let inbox: Awaited<ReturnType<typeof publishInbox>>;
	let selectDeals = '';
	let selectWorkflowId = '';

	const rows = () => dataTableRows(n8n, tableId);
	const rowOf = async (token: string) => (await rows()).filter((row) => row.tokenId === tokenIdOf(token));

	beforeAll(async () => {
		const dates: readonly string[] = TOKEN_ROW_DATE_COLUMNS;
		const table = await createDataTable(n8n, TABLE, TOKEN_ROW_COLUMNS.map((name) => ({ name, type: dates.includes(name) ? 'date' : 'string' })));
		tableId = table.id;
		inbox = await publishInbox(n8n, 'capture-opt-ins-data-table.json');
		({ url: selectDeals, workflowId: selectWorkflowId } = await publishSelection('deals'));
	});

	it('four distinct opt-ins, one a second token of the same subscriber and topic, leave four rows', async () => {
		const done = await deliverInOrder(n8n, inbox, [bodies.anaFirst, bodies.anaSecond, bodies.ben, bodies.cleo]);
		expect(done.map((execution) => execution.status)).toEqual(['success', 'success', 'success', 'success']);
		const stored = await rows();
		expect(stored).toHaveLength(4);
		expect(await rowOf(ana.first)).toEqual([expect.objectContaining({ status: 'available', tokenType: 'one_time', psid: ana.psid, topic: 'deals' })]);
		expect(await rowOf(cleo.token)).toEqual([expect.objectContaining({ tokenType: 'marketing', status: 'available', topic: 'news', timezone: 'Europe/Paris' })]);
	});

	it('selecting the topic yields one row per subscriber: the token that expires first, the other held back', async () => {
		const eligible = await selected(selectDeals);
		expect(eligible.map((row) => [row.psid, row.tokenId]).sort()).toEqual(
			[
				[ana.psid, tokenIdOf(ana.first)],
				[ben.psid, tokenIdOf(ben.token)],
			].sort(),
		);
		expect(eligible.every((row) => typeof row.token === 'string' && !('id' in row))).toBe(true);
		const [execution] = await executions(n8n, selectWorkflowId);
		const hints = (execution.data?.resultData.runData['Select for Broadcast'][0] as { hints?: Array<{ message: string }> }).hints ?? [];
		expect(hints.map((hint) => hint.message)).toEqual([expect.stringContaining('2 rows eligible (one per subscriber and topic) of 4 readable rows, 0 expired (second output), 1 extra token held back')]);
	});

	it('two Meta retries add no row, and the retry of a used token leaves it used', async () => {
		// The broadcast spent Ana's first token and wrote it back.
		await updateDataTableRows(n8n, tableId, { filters: [{ columnName: 'tokenId', condition: 'eq', value: tokenIdOf(ana.first) }] }, {
			status: 'used',
			lastSentAt: new Date(T0 + DAY).toISOString(),
			campaign: 'spring',
			messageId: 'm_spring_ana',
		});
		const retries = await deliverInOrder(n8n, inbox, [bodies.anaFirst, bodies.ben]);
		expect(retries.map((execution) => execution.status)).toEqual(['success', 'success']);
		const stored = await rows();
		expect(stored).toHaveLength(4);
		expect(new Set(stored.map((row) => row.tokenId))).toEqual(new Set([ana.first, ana.second, ben.token, cleo.token].map(tokenIdOf)));
		expect(await rowOf(ana.first)).toEqual([expect.objectContaining({ status: 'used', campaign: 'spring' })]);
	});

	it("the next selection takes the subscriber's other token", async () => {
		const eligible = await selected(selectDeals);
		expect(eligible.map((row) => [row.psid, row.tokenId]).sort()).toEqual(
			[
				[ana.psid, tokenIdOf(ana.second)],
				[ben.psid, tokenIdOf(ben.token)],
			].sort(),
		);
	});

	it('a read marks what the subscriber was sent before it, and a marketing stop revokes that token', async () => {
		const read = readUpTo(ana.psid, T0 + DAY + 1000, T0 + 2 * DAY);
		const stop = marketingOptIn(cleo.psid, 'news', cleo.token, T0 + 2 * DAY, 'STOP NOTIFICATIONS');
		const done = await deliverInOrder(n8n, inbox, [read, stop]);
		expect(done.map((execution) => execution.status)).toEqual(['success', 'success']);
		const readAt = new Date(T0 + 2 * DAY).toISOString();
		expect(await rowOf(ana.first)).toEqual([expect.objectContaining({ status: 'used', readAt, deliveredAt: readAt })]);
		expect(await rowOf(ana.second)).toEqual([expect.objectContaining({ status: 'available', readAt: null })]);
		expect(await rowOf(cleo.token)).toEqual([expect.objectContaining({ status: 'revoked' })]);
		expect(await rows()).toHaveLength(4);
	});

	it('keeps tokens out of the hints n8n stores with the executions', async () => {
		const all = [ana.first, ana.second, ben.token, cleo.token];
		for (const execution of await executions(n8n, inbox.workflowId)) {
			const runData = execution.data?.resultData.runData ?? {};
			const hints = Object.values(runData).flatMap((runs) => runs.flatMap((run) => (run as { hints?: unknown[] }).hints ?? []));
			for (const token of all) expect(JSON.stringify(hints)).not.toContain(token);
		}
	});
});
