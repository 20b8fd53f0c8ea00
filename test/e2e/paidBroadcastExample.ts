/**
 * examples/paid-broadcast.json as shipped, published in the shared n8n with only what a user fills
 * in: the Marketing API credential, the two Data Tables (by id, so the run's own tables are used)
 * and the start webhook's id and path (unique, so it cannot meet another workflow's webhook).
 */
import { randomUUID } from 'node:crypto';

import { createWorkflow, type Execution, publishWorkflow, waitForExecutions } from '../../scripts/n8n/n8n-workflows';
import { waitForWebhook } from '../../scripts/n8n/wait-webhook';
import type { E2eInstance } from './e2e-instance';
import { loadTemplate } from './tokenStoreInbox';

const START = 'Start by Webhook';

export interface PaidBroadcastFill {
	marketingCredential: { id: string; name: string };
	/** Data Table ids by the names the example uses (otn_tokens, otn_send_log). */
	tableIds: Record<string, string>;
}

export interface PaidBroadcast {
	workflowId: string;
	/** Starts the broadcast for a campaign and waits for its execution to finish. */
	run(campaignId: string): Promise<Execution>;
}

export async function publishPaidBroadcast(n8n: E2eInstance, fill: PaidBroadcastFill): Promise<PaidBroadcast> {
	const template = loadTemplate('paid-broadcast.json');
	const webhookId = randomUUID();
	for (const node of template.nodes) {
		const table = node.parameters.dataTableId as { value: string } | undefined;
		if (table) node.parameters.dataTableId = { __rl: true, mode: 'id', value: fill.tableIds[table.value] };
		if (node.credentials) node.credentials = { messengerOtnMarketingApi: fill.marketingCredential };
		if (node.name === START) {
			node.webhookId = webhookId;
			node.parameters = { ...node.parameters, path: webhookId };
		}
	}
	const workflowId = await createWorkflow(n8n, { ...template, name: `${template.name} (${webhookId})` });
	await publishWorkflow(n8n, workflowId);
	await waitForWebhook(n8n.baseUrl, webhookId);

	let started = 0;
	return {
		workflowId,
		async run(campaignId) {
			const response = await fetch(`${n8n.baseUrl}/webhook/${webhookId}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ campaignId }),
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
