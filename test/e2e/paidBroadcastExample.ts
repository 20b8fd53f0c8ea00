/**
 * examples/paid-broadcast.json as shipped, published in the shared n8n with only what a user fills
 * in: the Marketing API credential, the campaign ID pasted in *Campaign*, the Header Auth key of
 * *Start by Webhook*, the two Data Tables (by id, so the run's own tables are used) and the start
 * webhook's id and path (unique, so it cannot meet another workflow's webhook).
 */
import { randomUUID } from 'node:crypto';

import { createBroadcastKey } from '../../scripts/demo/broadcastKey';
import { createWorkflow, type Execution, publishWorkflow, waitForExecutions } from '../../scripts/n8n/n8n-workflows';
import { waitForWebhook } from '../../scripts/n8n/wait-webhook';
import type { E2eInstance } from './e2e-instance';
import { loadTemplate } from './tokenStoreInbox';

const START = 'Start by Webhook';
const CAMPAIGN = 'Campaign';
const CAMPAIGN_PLACEHOLDER = 'PASTE-THE-CAMPAIGN-ID';

export interface PaidBroadcastFill {
	marketingCredential: { id: string; name: string };
	/** What the user pastes in *Campaign*. */
	campaignId: string;
	/** Data Table ids by the names the example uses (otn_tokens, otn_send_log). */
	tableIds: Record<string, string>;
}

export interface PaidBroadcast {
	workflowId: string;
	/** The production URL of *Start by Webhook*. */
	url: string;
	/** The Header Auth key it asks for. */
	headers: Record<string, string>;
	/** Starts the broadcast with the key (and `body`, which must choose nothing) and waits for its execution to finish. */
	run(body?: Record<string, unknown>): Promise<Execution>;
}

export async function publishPaidBroadcast(n8n: E2eInstance, fill: PaidBroadcastFill): Promise<PaidBroadcast> {
	const template = loadTemplate('paid-broadcast.json');
	const webhookId = randomUUID();
	const key = await createBroadcastKey(n8n, `Paid broadcast key (${webhookId})`);
	for (const node of template.nodes) {
		const table = node.parameters.dataTableId as { value: string } | undefined;
		if (table) node.parameters.dataTableId = { __rl: true, mode: 'id', value: fill.tableIds[table.value] };
		if (node.credentials) node.credentials = node.name === START ? { httpHeaderAuth: key.credential } : { messengerOtnMarketingApi: fill.marketingCredential };
		if (node.name === START) {
			node.webhookId = webhookId;
			node.parameters = { ...node.parameters, path: webhookId };
		}
		if (node.name === CAMPAIGN) node.parameters = JSON.parse(JSON.stringify(node.parameters).replace(CAMPAIGN_PLACEHOLDER, fill.campaignId));
	}
	const workflowId = await createWorkflow(n8n, { ...template, name: `${template.name} (${webhookId})` });
	await publishWorkflow(n8n, workflowId);
	await waitForWebhook(n8n.baseUrl, webhookId);

	const url = `${n8n.baseUrl}/webhook/${webhookId}`;
	let started = 0;
	return {
		workflowId,
		url,
		headers: key.headers,
		async run(body = {}) {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...key.headers },
				body: JSON.stringify(body),
			});
			await response.text();
			expect(response.status).toBe(200);
			started++;
			const finished = await waitForExecutions(n8n, workflowId, started);
			expect(finished).toHaveLength(started);
			return finished[0];
		},
	};
}
