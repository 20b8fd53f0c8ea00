/**
 * The Audience Preview in a real n8n: Data Table rows → Select for Broadcast → OTN Broadcast's Dry
 * Run with Dry Run Output = Audience Preview. The preview counts the audience and shows the first
 * three messages with each subscriber's name ({{full_name}}, written inside an expression as the
 * README says), or the fallback when the Page may not read profiles; the emulator's record shows no
 * message sent and no call but the credential check and the three profile lookups.
 */
import { randomUUID } from 'node:crypto';

import { createTokenTable } from '../../scripts/demo/tokenTable';
import { insertDataTableRows } from '../../scripts/n8n/n8n-data-tables';
import { createWorkflow, publishWorkflow, unpublishWorkflow } from '../../scripts/n8n/n8n-workflows';
import { waitForWebhook } from '../../scripts/n8n/wait-webhook';
import type { IDataObject } from 'n8n-workflow';

import { issuedRows } from '../contract/broadcastRows';
import { dataTableNode, otnBroadcastNode, selectForBroadcastNode, webhookStartNode } from './broadcastWorkflowNodes';
import { e2eInstance } from './e2e-instance';
import { newE2ePage, type E2ePage } from './messengerPage';

const n8n = e2eInstance();
const SUBSCRIBERS = 40;
const RATE = 10;

describe('the Audience Preview in a real n8n', () => {
	let page: E2ePage;
	let workflowId = '';
	let url = '';
	let rows: IDataObject[] = [];

	beforeAll(async () => {
		page = await newE2ePage(n8n, 'Audience preview e2e');
		const table = await createTokenTable(n8n, `otn_tokens_preview_${page.app.appId}`);
		rows = await issuedRows(page.control, page.pageId, SUBSCRIBERS);
		await insertDataTableRows(n8n, table.id, [...rows, ...(await issuedRows(page.control, page.pageId, 5, 'one_time', 'other-topic'))]);
		const webhookId = randomUUID();
		workflowId = await createWorkflow(n8n, {
			name: `Audience preview (${page.app.appId})`,
			nodes: [
				webhookStartNode('Start', webhookId),
				dataTableNode('All Token Rows', table.id, 240, { operation: 'get', returnAll: true }),
				selectForBroadcastNode(480),
				otnBroadcastNode(page, 720, { campaign: 'preview-e2e', messageType: 'text', text: '=Deals for {{ $json.topic }} are live, {{ "{{" }}full_name}}', ratePerSecond: RATE, dryRun: true, dryRunOutput: 'preview', options: {} }),
			],
			connections: {
				Start: { main: [[{ node: 'All Token Rows', type: 'main', index: 0 }]] },
				'All Token Rows': { main: [[{ node: 'Select for Broadcast', type: 'main', index: 0 }]] },
				'Select for Broadcast': { main: [[{ node: 'OTN Broadcast', type: 'main', index: 0 }]] },
			},
			settings: { executionOrder: 'v1' },
		});
		await publishWorkflow(n8n, workflowId);
		await waitForWebhook(n8n.baseUrl, webhookId);
		url = `${n8n.baseUrl}/webhook/${webhookId}`;
	});

	afterAll(async () => {
		if (workflowId) await unpublishWorkflow(n8n, workflowId);
	});

	async function preview(): Promise<Record<string, unknown>> {
		await page.control.resetStats();
		const response = await fetch(url, { method: 'POST' });
		expect(response.status).toBe(200);
		const body = (await response.json()) as Array<Record<string, unknown>> | Record<string, unknown>;
		return Array.isArray(body) ? body[0] : body;
	}

	/** What the emulator recorded for the Page: messages delivered and Graph calls. */
	async function record(): Promise<{ deliveries: number; calls: number }> {
		const deliveries = await page.control.deliveries({ pageId: page.pageId });
		const calls = (await page.control.stats()).pages.find((entry) => entry.key === page.pageId)?.calls ?? 0;
		return { deliveries: deliveries.length, calls };
	}

	it("previews the audience and the first three messages with each subscriber's name, and sends nothing", async () => {
		const shown = await preview();
		expect(shown).toMatchObject({
			eligible: SUBSCRIBERS,
			byTopic: { deals: SUBSCRIBERS },
			byTokenType: { one_time: SUBSCRIBERS },
			byPage: { [page.pageId]: SUBSCRIBERS },
			coolingDown: 0,
			ratePerSecond: RATE,
			// Each subscriber costs a profile lookup and a send on the same rate.
			nameLookups: SUBSCRIBERS,
			estimatedSeconds: (2 * SUBSCRIBERS) / RATE,
		});
		const messages = shown.messages as Array<{ tokenId: string; message: unknown }>;
		expect(messages).toHaveLength(3);
		for (const { tokenId, message } of messages) {
			const psid = String(rows.find((row) => row.tokenId === tokenId)?.psid);
			const truth = await page.control.subscriber(page.pageId, psid);
			expect(message).toEqual({ text: `Deals for deals are live, ${truth.firstName} ${truth.lastName}` });
		}

		const { deliveries, calls } = await record();
		console.log(`audience preview: ${shown.eligible} eligible, ${shown.estimatedDuration} at ${RATE}/s, ${messages.length} messages shown; emulator: ${deliveries} deliveries, ${calls} call(s) for the Page (the credential check and 3 profile lookups)`);
		expect(deliveries).toBe(0);
		expect(calls).toBe(1 + 3);
	});

	it('shows the Name Fallback when the Page may not read profiles, and still sends nothing', async () => {
		await page.control.setProfileAccess(page.pageId, false);
		const shown = await preview();
		await page.control.setProfileAccess(page.pageId, true);
		expect((shown.messages as Array<{ message: unknown }>).map((entry) => entry.message)).toEqual(Array(3).fill({ text: 'Deals for deals are live, there' }));
		expect((await record()).deliveries).toBe(0);
	});
});
