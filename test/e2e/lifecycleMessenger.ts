/**
 * The Messenger side of the lifecycle test: many simulated subscribers acting at once, the
 * webhooks the emulator delivered to the test's app, and Meta's late retry of a delivered webhook
 * (the same bytes with the same signature, seconds later) replayed from the emulator's log.
 */
import type { WebhookAttempt } from '../../emulator/client';
import { postAsMeta } from '../../emulator/webhooks/postAsMeta';
import type { E2ePage } from './messengerPage';

/** Runs `task` for every item, `width` at a time. */
export async function forEachAtOnce<T, R>(items: T[], width: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(items[index], index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
	return results;
}

/** Every POST the emulator sent the test's app, after attempt `afterId`. */
export async function appAttempts(page: E2ePage, afterId = 0): Promise<WebhookAttempt[]> {
	return (await page.control.webhookLog({ appId: page.app.appId, afterId })).attempts;
}

/** The POST again, byte for byte, with the signature Meta computed: what its retry looks like. */
export async function replay(url: string, attempt: WebhookAttempt): Promise<number> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'user-agent': 'facebookexternalua', 'x-hub-signature-256': attempt.signature },
		body: attempt.body,
	});
	await response.text();
	return response.status;
}

/** A Notify Me opt-in nobody tapped, signed with a secret that is not the app's. */
export async function postForgedOptIn(url: string, page: E2ePage, psid: string): Promise<number> {
	const time = Date.now();
	const body = JSON.stringify({
		object: 'page',
		entry: [
			{
				id: page.pageId,
				time,
				messaging: [
					{
						sender: { id: psid },
						recipient: { id: page.pageId },
						timestamp: time,
						optin: { type: 'one_time_notif_req', payload: 'deals', one_time_notif_token: `AQforged${time}` },
					},
				],
			},
		],
	});
	return postAsMeta(url, body, 'not-the-app-secret');
}

/**
 * Bodies to deliver again, spread out (every other one first), until they carry at least `share`
 * of all the events: Meta retries whole POSTs, and the emulator batches several taps in one.
 */
export function retriedShare(bodies: WebhookAttempt[], share: number): WebhookAttempt[] {
	const events = bodies.reduce((sum, body) => sum + body.eventIds.length, 0);
	const spread = [...bodies.filter((_, index) => index % 2 === 0), ...bodies.filter((_, index) => index % 2 === 1)];
	const picked: WebhookAttempt[] = [];
	let covered = 0;
	for (const body of spread) {
		if (covered >= Math.ceil(events * share)) break;
		picked.push(body);
		covered += body.eventIds.length;
	}
	return picked;
}
