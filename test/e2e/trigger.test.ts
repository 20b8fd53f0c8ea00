/**
 * The Messenger OTN Trigger in a real n8n: publishing subscribes the app at the emulator (whose
 * handshake reaches the published webhook), a subscriber's Notify Me arrives with its token, a
 * forged POST starts nothing, and unpublishing removes the subscription.
 */
import { postAsMeta } from '../../emulator/webhooks/postAsMeta';
import { createWorkflow, executions, nodeOutput, publishWorkflow, unpublishWorkflow, waitForExecutions } from '../../scripts/n8n/n8n-workflows';
import { e2eInstance } from './e2e-instance';
import { waitFor } from './waitFor';
import { newE2ePage, sendOneTimeNotificationRequest, triggerNode, webhookUrl } from './messengerPage';

const n8n = e2eInstance();

describe('Messenger OTN Trigger in a real n8n', () => {
	it('subscribes on publish, delivers a Notify Me token, refuses a forged POST and unsubscribes on unpublish', async () => {
		const page = await newE2ePage(n8n, 'Trigger e2e');
		const trigger = triggerNode(page);
		const workflowId = await createWorkflow(n8n, { name: 'Trigger e2e', nodes: [trigger.node], connections: {} });
		await publishWorkflow(n8n, workflowId);

		const appState = async () => (await page.control.webhookSubscriptions({ appId: page.app.appId }))[0];
		const subscribed = await waitFor(appState, (state) => state.pages.length > 0);
		expect(subscribed.subscription).toMatchObject({ object: 'page', callbackUrl: webhookUrl(n8n, trigger.webhookId), active: true });
		expect(subscribed.pages).toEqual([
			{ pageId: page.pageId, fields: expect.arrayContaining(['messages', 'messaging_postbacks', 'messaging_optins', 'message_deliveries', 'message_reads']) },
		]);

		const { psid } = await page.control.createSubscriber(page.pageId);
		await page.control.sendsMessage(page.pageId, psid, 'Any deals?');
		await sendOneTimeNotificationRequest(n8n, page, psid, 'deals');
		const { token } = await page.control.tapsNotifyMe(page.pageId, psid);
		await page.control.runDueWebhooks();

		const [execution] = await waitForExecutions(n8n, workflowId, 1);
		expect(execution.status).toBe('success');
		const [item] = nodeOutput(execution, 'Messenger OTN Trigger');
		expect(item).toMatchObject({ type: 'otn_optin', pageId: page.pageId, psid, token: token.token, topic: 'deals', tokenType: 'one_time' });

		const forged = JSON.stringify({ object: 'page', entry: [{ id: page.pageId, time: Date.now(), messaging: [{ sender: { id: psid }, recipient: { id: page.pageId }, timestamp: Date.now(), optin: { type: 'one_time_notif_req', payload: 'x', one_time_notif_token: 'forged' } }] }] });
		expect(await postAsMeta(webhookUrl(n8n, trigger.webhookId), forged, 'not-the-app-secret')).toBe(401);
		expect(await executions(n8n, workflowId)).toHaveLength(1);

		await unpublishWorkflow(n8n, workflowId);
		const after = await waitFor(appState, (state) => state.subscription === null && state.pages.length === 0);
		expect(after.subscription).toBeNull();
		expect(after.pages).toEqual([]);
	});
});
