/**
 * examples/broadcast.json's *Start by Webhook* in a real n8n, published with its Header Auth key:
 * a call without the key, or with a wrong one, is refused, starts no execution and sends nothing;
 * the call with the key broadcasts.
 */
import { randomUUID } from 'node:crypto';

import { BROADCAST_KEY_HEADER, createBroadcastKey } from '../../scripts/demo/broadcastKey';
import { BROADCAST_EXAMPLE, BROADCAST_WEBHOOK, filledExample, webhookPathOf } from '../../scripts/demo/exampleWorkflows';
import { createTokenTable } from '../../scripts/demo/tokenTable';
import { insertDataTableRows } from '../../scripts/n8n/n8n-data-tables';
import { createWorkflow, executions, publishWorkflow, unpublishWorkflow, waitForExecutions } from '../../scripts/n8n/n8n-workflows';
import { waitForWebhook } from '../../scripts/n8n/wait-webhook';
import { issuedRows } from '../contract/broadcastRows';
import { e2eInstance } from './e2e-instance';
import { newE2ePage, type E2ePage } from './messengerPage';

const n8n = e2eInstance();

describe("examples/broadcast.json's Start by Webhook in a real n8n", () => {
	let page: E2ePage;
	let workflowId = '';
	let url = '';
	let key: Record<string, string>;
	const psids: string[] = [];
	const figures: string[] = [];

	/** Who got a message sent with a token: only a broadcast sends those. */
	const promoted = async () => (await page.control.deliveries({ pageId: page.pageId, via: 'one_time_notif_token' })).map((delivery) => delivery.psid);
	const start = async (headers: Record<string, string>) => {
		const response = await fetch(url, { method: 'POST', headers });
		await response.text();
		return response.status;
	};

	beforeAll(async () => {
		page = await newE2ePage(n8n, 'Broadcast key e2e');
		const table = await createTokenTable(n8n, `otn_tokens_key_${page.app.appId}`);
		const rows = await issuedRows(page.control, page.pageId, 2);
		psids.push(...rows.map((row) => String(row.psid)));
		await insertDataTableRows(n8n, table.id, rows);

		const broadcastKey = await createBroadcastKey(n8n, `Broadcast key e2e (${page.app.appId})`);
		key = broadcastKey.headers;
		const path = `broadcast-${page.app.appId}`;
		const workflow = filledExample(BROADCAST_EXAMPLE, {
			pageCredential: page.credential,
			credentials: { httpHeaderAuth: broadcastKey.credential },
			dataTableId: table.id,
			webhookIds: { [BROADCAST_WEBHOOK]: randomUUID() },
			webhookPaths: { [BROADCAST_WEBHOOK]: path },
		});
		workflowId = await createWorkflow(n8n, { ...workflow, name: `${workflow.name} (${page.app.appId})` });
		await publishWorkflow(n8n, workflowId);
		await waitForWebhook(n8n.baseUrl, webhookPathOf(workflow, BROADCAST_WEBHOOK));
		url = `${n8n.baseUrl}/webhook/${path}`;
	});

	afterAll(async () => {
		if (workflowId) await unpublishWorkflow(n8n, workflowId);
		console.log(`broadcast webhook key: ${figures.join(', ')}`);
	});

	it('refuses a call without the key, or with a wrong one, and sends nothing', async () => {
		const withoutKey = await start({});
		const wrongKey = await start({ [BROADCAST_KEY_HEADER]: 'guessed' });
		figures.push(`no key answered ${withoutKey}`, `wrong key answered ${wrongKey}`);
		expect([withoutKey, wrongKey]).toEqual([403, 403]);
		expect(await executions(n8n, workflowId)).toEqual([]);
		expect(await promoted()).toEqual([]);
	});

	it('broadcasts on the call with the key; the refused calls never ran', async () => {
		expect(await start(key)).toBe(200);
		const finished = await waitForExecutions(n8n, workflowId, 1);
		expect(finished.map((execution) => execution.status)).toEqual(['success']);
		expect((await executions(n8n, workflowId)).length).toBe(1);
		const reached = await promoted();
		figures.push(`${finished.length} execution and ${reached.length} messages after 3 calls, 1 with the key`);
		expect(reached.sort()).toEqual([...psids].sort());
	});
});
