/**
 * The floor of every intake figure: n8n's own Webhook node into a No Operation node, answering on
 * receipt. What n8n costs per execution here before any node of this pack (or any store) runs.
 */
import { createWorkflow, publishWorkflow } from '../../scripts/n8n/n8n-workflows';
import type { N8nAuth } from '../../scripts/n8n/rest-client';
import { waitForWebhook } from '../../scripts/n8n/wait-webhook';

const PATH = 'bench-intake-floor';

/** Creates and publishes it; returns its production URL on `webhookBaseUrl`. */
export async function publishFloorWorkflow(main: N8nAuth, webhookBaseUrl: string): Promise<string> {
	const id = await createWorkflow(main, {
		name: 'Bench: Webhook → No Operation',
		nodes: [
			{
				id: 'floor-webhook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: '6d1c9a4e-2b7f-4e3a-9c5d-8f0a1b2c3d4e',
				parameters: { httpMethod: 'POST', path: PATH, responseMode: 'onReceived', options: {} },
			},
			{ id: 'floor-noop', name: 'No Operation', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { Webhook: { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] } },
	});
	await publishWorkflow(main, id);
	await waitForWebhook(webhookBaseUrl, PATH);
	return `${webhookBaseUrl}/webhook/${PATH}`;
}
