/**
 * Request OTN in a real n8n, in the inbox workflow users import (examples/inbox-reply.json): a
 * subscriber taps a postback, the trigger's postback branch replies with Request One-Time
 * Notification, the subscriber taps Notify Me, and the opt-in with its token reaches the same
 * workflow's opt-in branch. The trigger subscribes the app on publish (Subscribe on Activation),
 * the emulator's handshake reaching n8n's webhook URL.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	createWorkflow,
	nodeOutput,
	publishWorkflow,
	unpublishWorkflow,
	waitForExecutions,
	type WorkflowDefinition,
} from '../../scripts/n8n/n8n-workflows';
import { e2eInstance } from './e2e-instance';
import { newE2ePage, webhookUrl, type E2ePage } from './messengerPage';
import { waitFor } from './waitFor';

const n8n = e2eInstance();

interface ExampleNode {
	name: string;
	type: string;
	webhookId?: string;
	credentials?: Record<string, unknown>;
}

/** The example as shipped, with this test's credential and a fixed webhook id on the trigger. */
function inboxWorkflow(page: E2ePage, webhookId: string): WorkflowDefinition {
	const example = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'inbox-reply.json'), 'utf8')) as WorkflowDefinition & {
		nodes: ExampleNode[];
	};
	for (const node of example.nodes) {
		if (node.credentials) node.credentials = { messengerOtnPageApi: page.credential };
		if (node.type.endsWith('.messengerOtnTrigger')) node.webhookId = webhookId;
	}
	return { ...example, name: `${example.name} (${page.app.appId})` };
}

describe('Request OTN in the inbox workflow of a real n8n', () => {
	it('answers a postback with the Notify Me request, and the opt-in with its token reaches the opt-in branch', async () => {
		const page = await newE2ePage(n8n, 'Request OTN e2e');
		const webhookId = randomUUID();
		const workflowId = await createWorkflow(n8n, inboxWorkflow(page, webhookId));
		const appState = async () => (await page.control.webhookSubscriptions({ appId: page.app.appId }))[0];
		await publishWorkflow(n8n, workflowId);
		try {
			const app = await waitFor(appState, (state) => state.pages.length > 0);
			expect(app.subscription).toMatchObject({ callbackUrl: webhookUrl(n8n, webhookId), active: true });

			// The subscriber taps "Notify me" on a button the Page showed earlier.
			const { psid } = await page.control.createSubscriber(page.pageId);
			await page.control.tapsPostback(page.pageId, psid, 'OTN_REQ:red-sneakers', 'Notify me');
			await page.control.runDueWebhooks();
			const [asked] = await waitForExecutions(n8n, workflowId, 1);
			expect(asked.status).toBe('success');

			const [request] = await page.control.deliveries({ pageId: page.pageId, psid });
			expect(request.message).toEqual({
				attachment: {
					type: 'template',
					payload: { template_type: 'one_time_notif_req', title: 'Back in stock: red-sneakers', payload: 'red-sneakers' },
				},
			});
			expect(nodeOutput(asked, 'Request OTN')).toEqual([
				{ operation: 'requestOneTimeNotification', psid, messageId: request.messageId, topic: 'red-sneakers', title: 'Back in stock: red-sneakers' },
			]);
			expect(nodeOutput(asked, 'Opt-In Received')).toEqual([]);

			// The subscriber taps Notify Me on the request.
			const { token } = await page.control.tapsNotifyMe(page.pageId, psid);
			await page.control.runDueWebhooks();
			const done = await waitForExecutions(n8n, workflowId, 2);
			const optIn = done.find((execution) => execution.id !== asked.id);
			expect(optIn?.status).toBe('success');
			expect(nodeOutput(optIn!, 'Opt-In Received')).toEqual([
				expect.objectContaining({ type: 'otn_optin', pageId: page.pageId, psid, tokenType: 'one_time', token: token.token, topic: 'red-sneakers' }),
			]);
			expect(nodeOutput(optIn!, 'Request OTN')).toEqual([]);
			// Only the request went out: the opt-in started no second one.
			expect(await page.control.deliveries({ pageId: page.pageId, psid })).toHaveLength(1);
			// No token reached n8n's log.
			const log = readFileSync(n8n.logFile, 'utf8');
			expect(log).not.toContain(token.token);
			expect(log).not.toContain(page.pageToken);
		} finally {
			await unpublishWorkflow(n8n, workflowId);
		}
		expect((await waitFor(appState, (state) => state.subscription === null)).subscription).toBeNull();
	});
});
