import type { WebhookAttempt, WebhookLogView } from '../../emulator/client';
import { DEFAULT_WEBHOOK_SETTINGS } from '../../emulator/webhooks/webhookSettings';
import { startHarness, type Harness, type TestPage } from './helpers';
import { appToken, subscribeApp, subscribedPage } from './webhookHelpers';
import { expectedSignature, WebhookReceiver } from './webhookReceiver';

const MINUTE = 60_000;

describe('webhook retries, alerts and duplicates', () => {
	let h: Harness;
	let receiver: WebhookReceiver;
	beforeAll(async () => {
		h = await startHarness({ webhooks: { batchWindowMs: 60_000 } });
		receiver = await WebhookReceiver.start();
	});
	beforeEach(async () => {
		receiver.behaviour = { verify: 'echo', verifyToken: 'verify-me', post: 200 };
		await h.control.setWebhookSettings({ ...DEFAULT_WEBHOOK_SETTINGS, batchWindowMs: 60_000 });
	});
	afterAll(async () => {
		await h.emulator.close();
		await receiver.close();
	});

	/** A subscribed Page whose subscriber just wrote one message (one webhook body waiting). */
	async function pageWithEvent(): Promise<{ page: TestPage; psid: string }> {
		const page = await subscribedPage(h, receiver);
		const { psid } = await h.control.createSubscriber(page.pageId);
		await h.control.sendsMessage(page.pageId, psid, 'hello');
		return { page, psid };
	}

	/** Runs what is due (and waits), then reads the app's log. */
	async function settle(page: TestPage): Promise<WebhookLogView> {
		await h.control.runDueWebhooks();
		return h.control.webhookLog({ appId: page.appId });
	}

	const summary = (attempts: WebhookAttempt[]) => attempts.map((attempt) => [attempt.attempt, attempt.status, attempt.responseCode, attempt.duplicate]);

	it('retries a non-200 immediately a few times, then later on the emulator clock', async () => {
		receiver.behaviour.post = 500;
		const { page } = await pageWithEvent();
		const failing = await settle(page);
		expect(summary(failing.attempts)).toEqual([1, 2, 3, 4].map((attempt) => [attempt, 'failed', 500, false]));
		expect(failing.attempts.every((attempt) => attempt.failure === 'http_status')).toBe(true);
		expect(new Set(failing.attempts.map((attempt) => attempt.body)).size).toBe(1);
		expect(new Set(failing.attempts.map((attempt) => attempt.signature)).size).toBe(1);
		expect(failing.apps[0]).toMatchObject({ appId: page.appId, failingSince: failing.attempts[0].at, alertedAt: null, pendingDeliveries: 1 });

		receiver.behaviour.post = 200;
		await h.control.advanceClock(MINUTE - 1000);
		expect((await settle(page)).attempts).toHaveLength(4);
		await h.control.advanceClock(1000);
		const recovered = await settle(page);
		expect(summary(recovered.attempts.slice(4))).toEqual([[5, 'delivered', 200, false]]);
		expect(recovered.apps[0]).toMatchObject({ failingSince: null, pendingDeliveries: 0 });
		const clock = await h.control.clock();
		expect(recovered.attempts[4].at).toBeLessThanOrEqual(clock.now);
		expect(recovered.attempts[4].at - recovered.attempts[3].at).toBeGreaterThanOrEqual(MINUTE);
	});

	it('retries after a time-out', async () => {
		await h.control.setWebhookSettings({ timeoutMs: 150, retryDelaysMs: [0, 5 * MINUTE] });
		receiver.behaviour.post = 'hang';
		const { page } = await pageWithEvent();
		const timedOut = await settle(page);
		expect(timedOut.attempts.map((attempt) => [attempt.attempt, attempt.status, attempt.responseCode, attempt.failure])).toEqual([
			[1, 'failed', null, 'timeout'],
			[2, 'failed', null, 'timeout'],
		]);
		expect(timedOut.attempts[0].durationMs).toBeGreaterThanOrEqual(140);

		receiver.behaviour.post = 200;
		await h.control.advanceClock(5 * MINUTE);
		expect(summary((await settle(page)).attempts.slice(2))).toEqual([[3, 'delivered', 200, false]]);
	});

	it('alerts after 15 minutes of failures and disables the webhooks, unsubscribing the app from the Page, after an hour', async () => {
		receiver.behaviour.post = 503;
		const { page, psid } = await pageWithEvent();
		const first = await settle(page);
		const failingSince = first.attempts[0].at;

		await h.control.advanceClock(14 * MINUTE);
		const before15 = await settle(page);
		expect(before15.alerts).toEqual([]);
		expect(before15.attempts.length).toBeGreaterThan(4);

		await h.control.advanceClock(MINUTE);
		const at15 = await settle(page);
		expect(at15.alerts).toEqual([expect.objectContaining({ kind: 'webhooks_failing', at: failingSince + 15 * MINUTE, callbackUrl: receiver.url })]);
		expect(at15.apps[0]).toMatchObject({ alertedAt: failingSince + 15 * MINUTE, disabledAt: null, subscription: expect.objectContaining({ active: true }) });

		await h.control.advanceClock(45 * MINUTE);
		const at60 = await settle(page);
		expect(at60.alerts.map((alert) => [alert.kind, alert.at])).toEqual([
			['webhooks_failing', failingSince + 15 * MINUTE],
			['webhooks_disabled', failingSince + 60 * MINUTE],
		]);
		expect(at60.apps[0]).toMatchObject({ disabledAt: failingSince + 60 * MINUTE, pages: [], pendingDeliveries: 0, subscription: expect.objectContaining({ active: false }) });
		const subscriptions = await h.graph.get(`/v25.0/${page.appId}/subscriptions`, { params: { access_token: appToken(page) } });
		expect(subscriptions.data.data[0]).toMatchObject({ callback_url: receiver.url, active: false });
		const pageApps = await h.graph.get(`/v25.0/${page.pageId}/subscribed_apps`, { params: { access_token: page.pageToken } });
		expect(pageApps.data).toEqual({ data: [] });

		// Disabled: nothing goes out, however long the clock runs.
		receiver.behaviour.post = 200;
		const attemptsSoFar = at60.attempts.length;
		await h.control.sendsMessage(page.pageId, psid, 'into the void');
		await h.control.advanceClock(2 * 60 * MINUTE);
		expect((await settle(page)).attempts).toHaveLength(attemptsSoFar);

		// Subscribing again (handshake) and the Page again brings webhooks back.
		expect((await subscribeApp(h.graph, page, receiver.url)).status).toBe(200);
		const resubscribed = await h.control.webhookSubscriptions({ appId: page.appId });
		expect(resubscribed[0]).toMatchObject({ failingSince: null, disabledAt: null, pages: [], subscription: expect.objectContaining({ active: true }) });
	});

	it('disables at once when the clock jumps past the hour, before any overdue retry', async () => {
		receiver.behaviour.post = 500;
		const { page } = await pageWithEvent();
		const failed = await settle(page);
		receiver.behaviour.post = 200;
		await h.control.advanceClock(61 * MINUTE);
		const after = await settle(page);
		expect(after.attempts).toHaveLength(failed.attempts.length);
		expect(after.alerts.map((alert) => alert.kind)).toEqual(['webhooks_failing', 'webhooks_disabled']);
	});

	it('sends a share of delivered bodies a second time: same bytes, same signature', async () => {
		await h.control.setWebhookSettings({ duplicatePercent: 100 });
		const before = receiver.posts().length;
		const { page } = await pageWithEvent();
		const log = await settle(page);
		expect(summary(log.attempts)).toEqual([
			[1, 'delivered', 200, false],
			[2, 'delivered', 200, true],
		]);
		const [original, duplicate] = receiver.posts().slice(before);
		expect(duplicate.raw.equals(original.raw)).toBe(true);
		expect(duplicate.headers['x-hub-signature-256']).toBe(original.headers['x-hub-signature-256']);
		expect(duplicate.headers['x-hub-signature-256']).toBe(expectedSignature(duplicate.raw, page.appSecret));
		expect(log.attempts[0].deliveryId).toBe(log.attempts[1].deliveryId);
	});

	it('logs every attempt with what was sent, where, when and how it ended', async () => {
		const { page, psid } = await pageWithEvent();
		const [attempt] = (await settle(page)).attempts;
		const clock = await h.control.clock();
		expect(attempt).toEqual({
			id: expect.any(Number),
			deliveryId: expect.any(Number),
			appId: page.appId,
			callbackUrl: receiver.url,
			attempt: 1,
			duplicate: false,
			at: expect.any(Number),
			status: 'delivered',
			responseCode: 200,
			durationMs: expect.any(Number),
			eventIds: [expect.any(Number)],
			pageIds: [page.pageId],
			fields: ['messages'],
			body: expect.stringContaining(`"sender":{"id":"${psid}"}`),
			signature: expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
		});
		expect(Math.abs(attempt.at - clock.now)).toBeLessThan(5000);
		const later = await h.control.webhookLog({ appId: page.appId, afterId: attempt.id });
		expect(later.attempts).toEqual([]);
	});

	it('drops waiting retries once the app unsubscribes', async () => {
		receiver.behaviour.post = 500;
		const { page } = await pageWithEvent();
		const failed = await settle(page);
		expect((await h.graph.delete(`/v25.0/${page.appId}/subscriptions`, { params: { access_token: appToken(page) } })).status).toBe(200);
		receiver.behaviour.post = 200;
		await h.control.advanceClock(MINUTE);
		const after = await settle(page);
		expect(after.attempts).toHaveLength(failed.attempts.length);
		expect(after.apps[0]).toMatchObject({ subscription: null, pendingDeliveries: 0 });
	});

	it('refuses bad webhook settings', async () => {
		await expect(h.control.setWebhookSettings({ retryDelaysMs: [0, 0] })).rejects.toMatchObject({ response: { status: 400 } });
		await expect(h.control.setWebhookSettings({ duplicatePercent: 101 })).rejects.toMatchObject({ response: { status: 400 } });
		await expect(h.control.setWebhookSettings({ maxEventsPerPost: 0 })).rejects.toMatchObject({ response: { status: 400 } });
		await expect(h.control.http.put('/webhooks/settings', { nope: 1 })).rejects.toMatchObject({ response: { status: 400 } });
		expect(await h.control.webhookSettings()).toEqual({ ...DEFAULT_WEBHOOK_SETTINGS, batchWindowMs: 60_000 });
	});
});
