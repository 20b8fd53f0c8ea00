/**
 * Variants (A/B) in a real n8n: Data Table rows → Select for Broadcast → OTN Broadcast with two
 * variants → write back to the token table and add to the send log, as the templates do; run twice
 * (the second sends nothing); then Summarize of the send log, whose per-variant figures must equal
 * the emulator's record of which text each subscriber got.
 */
import { randomUUID } from 'node:crypto';

import { tokenTableColumns } from '../../scripts/demo/tokenTable';
import { createDataTable, dataTableRows, insertDataTableRows } from '../../scripts/n8n/n8n-data-tables';
import { createWorkflow, publishWorkflow, unpublishWorkflow } from '../../scripts/n8n/n8n-workflows';
import { waitForWebhook } from '../../scripts/n8n/wait-webhook';
import { SEND_LOG_COLUMNS } from '../../nodes/shared/tokens/sendLogRow';
import { issuedRows } from '../contract/broadcastRows';
import { dataTableNode, otnBroadcastNode, selectForBroadcastNode, webhookStartNode } from './broadcastWorkflowNodes';
import { e2eInstance } from './e2e-instance';
import { newE2ePage, type E2ePage } from './messengerPage';

const n8n = e2eInstance();
const SUBSCRIBERS = 200;
const TEXTS: Record<string, string> = { A: 'Spring sale: 20% off', B: 'Spring sale: free shipping' };
const SEND_LOG_DATES = ['sentAt', 'deliveredAt', 'readAt', 'clickedAt', 'failedAt'];

async function publishedWebhook(workflow: { name: string; nodes: unknown[]; connections: unknown }, webhookId: string): Promise<{ id: string; url: string }> {
	const id = await createWorkflow(n8n, { ...workflow, settings: { executionOrder: 'v1' } } as never);
	await publishWorkflow(n8n, id);
	await waitForWebhook(n8n.baseUrl, webhookId);
	return { id, url: `${n8n.baseUrl}/webhook/${webhookId}` };
}

const chain = (names: string[]) => Object.fromEntries(names.slice(0, -1).map((name, index) => [name, { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] }]));

describe('Variants (A/B) in a real n8n', () => {
	let page: E2ePage;
	let tokensId = '';
	let sendLogId = '';
	const workflows: Array<{ id: string; url: string }> = [];

	beforeAll(async () => {
		page = await newE2ePage(n8n, 'Variants e2e');
		tokensId = (await createDataTable(n8n, `otn_tokens_variants_${page.app.appId}`, [...tokenTableColumns(), { name: 'variant', type: 'string' }])).id;
		sendLogId = (await createDataTable(n8n, `otn_send_log_variants_${page.app.appId}`, SEND_LOG_COLUMNS.map((name) => ({ name, type: SEND_LOG_DATES.includes(name) ? 'date' : 'string' })))).id;
		await insertDataTableRows(n8n, tokensId, await issuedRows(page.control, page.pageId, SUBSCRIBERS));

		const broadcastHook = randomUUID();
		workflows.push(
			await publishedWebhook(
				{
					name: `Variants broadcast (${page.app.appId})`,
					nodes: [
						webhookStartNode('Start', broadcastHook),
						dataTableNode('Token Rows', tokensId, 240, { operation: 'get', returnAll: true }),
						selectForBroadcastNode(480),
						otnBroadcastNode(page, 720, { campaign: 'spring-ab', messageType: 'text', text: TEXTS.A, useVariants: true, variantAShare: 50, variants: { variant: [{ text: TEXTS.B, share: 50 }] }, ratePerSecond: 200, options: {} }),
						dataTableNode('Write Back Sent', tokensId, 960, {
							operation: 'update',
							filters: { conditions: [{ keyName: 'tokenId', condition: 'eq', keyValue: '={{ $json.tokenId }}' }] },
							columns: { mappingMode: 'autoMapInputData', value: {}, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: false },
							options: {},
						}),
						dataTableNode('Add to Send Log', sendLogId, 1200, {
							operation: 'insert',
							columns: {
								mappingMode: 'defineBelow',
								value: Object.fromEntries(
									[['campaign', 'campaign'], ['tokenId', 'tokenId'], ['pageId', 'pageId'], ['psid', 'psid'], ['messageId', 'messageId'], ['sentAt', 'lastSentAt'], ['variant', 'variant']].map(([column, field]) => [column, `={{ $('OTN Broadcast').item.json.${field} }}`]),
								),
								matchingColumns: [],
								schema: ['campaign', 'tokenId', 'pageId', 'psid', 'messageId', 'sentAt', 'variant'].map((id) => ({ id, displayName: id, required: false, defaultMatch: false, display: true, type: id === 'sentAt' ? 'dateTime' : 'string', readOnly: false, removed: false })),
								attemptToConvertTypes: false,
								convertFieldsToString: false,
							},
							options: {},
						}),
					],
					connections: chain(['Start', 'Token Rows', 'Select for Broadcast', 'OTN Broadcast', 'Write Back Sent', 'Add to Send Log']),
				},
				broadcastHook,
			),
		);

		const summaryHook = randomUUID();
		workflows.push(
			await publishedWebhook(
				{
					name: `Variants summary (${page.app.appId})`,
					nodes: [
						webhookStartNode('Start', summaryHook),
						dataTableNode('Send Log', sendLogId, 240, { operation: 'get', returnAll: true }),
						{ id: randomUUID(), name: 'Summarize', type: 'n8n-nodes-messenger-otn.otnTokenStore', typeVersion: 1, position: [480, 0], parameters: { resource: 'token', operation: 'summarize', report: 'campaigns', rows: 'sendLog' } },
					],
					connections: chain(['Start', 'Send Log', 'Summarize']),
				},
				summaryHook,
			),
		);
	});

	afterAll(async () => {
		for (const workflow of workflows) await unpublishWorkflow(n8n, workflow.id);
	});

	it('sends each subscriber the text of their variant once, and Summarize of the send log counts each variant as the emulator does', async () => {
		expect((await fetch(workflows[0].url, { method: 'POST' })).status).toBe(200);
		const deliveries = await page.control.deliveries({ pageId: page.pageId });
		expect(deliveries).toHaveLength(SUBSCRIBERS);

		// A second run over the written-back table: every token is used, nothing more is sent.
		await fetch(workflows[0].url, { method: 'POST' });
		expect(await page.control.deliveries({ pageId: page.pageId })).toHaveLength(SUBSCRIBERS);

		const textOfPsid = new Map(deliveries.map((delivery) => [delivery.psid, delivery.message.text]));
		const tokenRows = await dataTableRows(n8n, tokensId);
		for (const row of tokenRows) expect(TEXTS[String(row.variant)]).toBe(textOfPsid.get(String(row.psid)));
		const sendLog = await dataTableRows(n8n, sendLogId);
		expect(sendLog).toHaveLength(SUBSCRIBERS);

		const response = await fetch(workflows[1].url, { method: 'POST' });
		const body = (await response.json()) as Array<Record<string, unknown>> | Record<string, unknown>;
		const [summary] = Array.isArray(body) ? body : [body];
		const variants = summary.variants as Array<Record<string, unknown>>;
		const emulatorSent = (name: string) => deliveries.filter((delivery) => delivery.message.text === TEXTS[name]).length;
		console.log(
			['variants e2e: variant | sent (Summarize) | sent (emulator)', ...variants.map((variant) => `${String(variant.variant)} | ${String(variant.sent)} | ${emulatorSent(String(variant.variant))}`)].join('\n'),
		);
		expect(variants.map((variant) => [variant.variant, variant.sent])).toEqual([
			['A', emulatorSent('A')],
			['B', emulatorSent('B')],
		]);
		expect(summary.sent).toBe(SUBSCRIBERS);
	});
});
