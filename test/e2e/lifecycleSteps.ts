/**
 * The steps of the promotion lifecycle that the lifecycle test (200 subscribers, Meta's retries) and
 * the compatibility flow (a few subscribers, every n8n version of the matrix) both take with the
 * example workflows: wait for the inbox to answer every webhook, start the broadcast, read what
 * the emulator delivered.
 */
import { waitForExecutions, type Execution } from '../../scripts/n8n/n8n-workflows';
import type { E2eInstance } from './e2e-instance';
import { appAttempts } from './lifecycleMessenger';
import { finishedExecutions, type LifecycleWorkflows } from './lifecycleWorkflows';
import type { E2ePage } from './messengerPage';
import { waitFor } from './waitFor';

/** The promotion examples/broadcast.json sends, and the campaign it writes on the rows. */
export const EXAMPLE_PROMOTION = 'Deals weekend: 20% off everything until Sunday night.';
export const EXAMPLE_CAMPAIGN = 'deals-weekend';

export interface SettledInbox {
	inboxExecutions: number;
	webhookPosts: number;
}

/**
 * Waits until the inbox ran once for every webhook POST the emulator delivered (and for each of
 * `replayed` retries the test posted itself), and checks every POST was answered in time and every
 * run succeeded.
 */
export async function settleInbox(n8n: E2eInstance, page: E2ePage, flows: LifecycleWorkflows, replayed = 0): Promise<SettledInbox> {
	// A POST the emulator's own timer sent may still be under way: wait until none is left.
	await page.control.runDueWebhooks();
	await waitFor(async () => (await page.control.webhookSubscriptions({ appId: page.app.appId }))[0].pendingDeliveries, (pending) => pending === 0);
	const attempts = await appAttempts(page);
	expect(attempts.filter((attempt) => attempt.status !== 'delivered')).toEqual([]);
	const expected = attempts.length + replayed;
	const done = await waitFor(() => finishedExecutions(n8n, flows.inbox.workflowId), (all) => all.length >= expected, 90_000);
	expect(done.length).toBe(expected);
	expect(done.filter((execution) => execution.status !== 'success')).toEqual([]);
	return { inboxExecutions: done.length, webhookPosts: attempts.length };
}

/** Starts the broadcast by its webhook, with its key, and returns the `run`-th execution once it finished successfully. */
export async function runBroadcast(n8n: E2eInstance, flows: LifecycleWorkflows, run: number): Promise<Execution> {
	const response = await fetch(flows.broadcast.url, { method: 'POST', headers: flows.broadcast.headers });
	await response.text();
	expect(response.status).toBe(200);
	const runs = await waitForExecutions(n8n, flows.broadcast.workflowId, run, 90_000);
	expect(runs).toHaveLength(run);
	expect(runs[0].status).toBe('success');
	return runs[0];
}

/** The one-time notification permission requests the Page sent (the inbox's answer to the DEALS postback). */
export async function permissionRequests(page: E2ePage) {
	return (await page.control.deliveries({ pageId: page.pageId, via: 'psid' })).filter(
		(delivery) => (delivery.message.attachment as { payload?: { template_type?: string } } | undefined)?.payload?.template_type === 'one_time_notif_req',
	);
}

/** The messages sent with a one-time token whose text is `text`: the promotion, as the emulator recorded it. */
export async function promotionsSent(page: E2ePage, text: string) {
	return (await page.control.deliveries({ pageId: page.pageId, via: 'one_time_notif_token' })).filter((delivery) => delivery.message.text === text);
}

/** How many promotions each subscriber got. */
export function perSubscriber(deliveries: Array<{ psid: string }>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const delivery of deliveries) counts.set(delivery.psid, (counts.get(delivery.psid) ?? 0) + 1);
	return counts;
}
