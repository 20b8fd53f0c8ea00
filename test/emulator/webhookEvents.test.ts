import { DEFAULT_WEBHOOK_SETTINGS } from '../../emulator/webhooks/webhookSettings';
import { newPage, send, startHarness, templateTo, textTo, type Harness, type TestPage } from './helpers';
import { subscribedPage, subscribePage } from './webhookHelpers';
import { expectedSignature, messagingOf, WebhookReceiver, type WebhookBody } from './webhookReceiver';

describe('webhook events', () => {
	let h: Harness;
	let receiver: WebhookReceiver;
	let page: TestPage;
	beforeAll(async () => {
		// A long window: each test closes the batch itself with runDueWebhooks().
		h = await startHarness({ webhooks: { batchWindowMs: 60_000 } });
		receiver = await WebhookReceiver.start();
		page = await subscribedPage(h, receiver);
	});
	afterEach(() => h.control.setWebhookSettings({ ...DEFAULT_WEBHOOK_SETTINGS, batchWindowMs: 60_000 }));
	afterAll(async () => {
		await h.emulator.close();
		await receiver.close();
	});

	/** Runs what is due and answers the bodies received meanwhile. */
	async function delivered(): Promise<WebhookBody[]> {
		const before = receiver.posts().length;
		await h.control.runDueWebhooks();
		return receiver.bodies(before);
	}

	async function deliveredEvents(): Promise<Record<string, unknown>[]> {
		return messagingOf(await delivered());
	}

	const envelope = (psid: string) => ({ sender: { id: psid }, recipient: { id: page.pageId }, timestamp: expect.any(Number) });

	it('sends a message as a signed POST in the docs/meta-platform.md §5.2 envelope', async () => {
		const { psid } = await h.control.createSubscriber(page.pageId);
		const event = await h.control.sendsMessage(page.pageId, psid, 'Is it back?');
		const before = receiver.posts().length;
		await h.control.runDueWebhooks();
		const [post] = receiver.posts().slice(before);
		expect(post.url.pathname).toBe('/webhook');
		expect(post.headers['content-type']).toBe('application/json');
		expect(post.headers['x-hub-signature-256']).toBe(expectedSignature(post.raw, page.appSecret));
		expect(JSON.parse(post.raw.toString('utf8'))).toEqual({
			object: 'page',
			entry: [{ id: page.pageId, time: expect.any(Number), messaging: [{ ...envelope(psid), timestamp: event.at, message: { mid: expect.stringMatching(/^m_/), text: 'Is it back?' } }] }],
		});
	});

	it('sends postbacks (messaging_postbacks) and quick replies (messages)', async () => {
		const { psid } = await h.control.createSubscriber(page.pageId);
		await h.control.tapsPostback(page.pageId, psid, 'OTN_REQ:SKU123', 'Notify me');
		await h.control.tapsQuickReply(page.pageId, psid, 'GREEN', 'Green');
		const [postback, quickReply] = await deliveredEvents();
		expect(postback).toEqual({ ...envelope(psid), postback: { mid: expect.any(String), title: 'Notify me', payload: 'OTN_REQ:SKU123' } });
		expect(quickReply).toEqual({ ...envelope(psid), message: { quick_reply: { payload: 'GREEN' }, mid: expect.any(String), text: 'Green' } });
	});

	it('Notify Me on a one_time_notif_req sends an opt-in with a fresh token per tap', async () => {
		const { psid } = await h.control.createSubscriber(page.pageId);
		await expect(h.control.tapsNotifyMe(page.pageId, psid)).rejects.toMatchObject({ response: { status: 409 } });
		await h.control.sendsMessage(page.pageId, psid, 'hi');
		const request = templateTo(psid, { template_type: 'one_time_notif_req', title: 'Tell me when SKU1 is back', payload: 'SKU1' });
		expect((await send(h.graph, page.pageToken, request)).status).toBe(200);
		await delivered();

		const first = await h.control.tapsNotifyMe(page.pageId, psid);
		const second = await h.control.tapsNotifyMe(page.pageId, psid);
		expect(first.token).toMatchObject({ type: 'one_time', payload: 'SKU1', title: 'Tell me when SKU1 is back', status: 'available' });
		expect(second.token.token).not.toBe(first.token.token);
		const optins = await deliveredEvents();
		expect(optins).toEqual([first.token.token, second.token.token].map((token) => ({
			...envelope(psid),
			optin: { type: 'one_time_notif_req', payload: 'SKU1', one_time_notif_token: token },
		})));
		for (const token of [first.token.token, second.token.token]) {
			expect((await send(h.graph, page.pageToken, { recipient: { one_time_notif_token: token }, message: { text: 'Back!' } })).status).toBe(200);
		}
	});

	it('Notify Me on a notification_messages request sends the marketing opt-in', async () => {
		const { psid } = await h.control.createSubscriber(page.pageId);
		await h.control.sendsMessage(page.pageId, psid, 'hi');
		const request = templateTo(psid, { template_type: 'notification_messages', title: 'Weekly deals', payload: 'DEALS', notification_messages_timezone: 'Europe/Paris' });
		expect((await send(h.graph, page.pageToken, request)).status).toBe(200);
		await delivered();

		const { token } = await h.control.tapsNotifyMe(page.pageId, psid);
		expect(await deliveredEvents()).toEqual([
			{
				...envelope(psid),
				optin: {
					type: 'notification_messages',
					payload: 'DEALS',
					notification_messages_token: token.token,
					notification_messages_timezone: 'Europe/Paris',
					user_token_status: 'NOT_REFRESHED',
					title: 'Weekly deals',
				},
			},
		]);
		const again = await h.control.tapsNotifyMe(page.pageId, psid);
		expect(again.token.token).not.toBe(token.token);
	});

	it('sends stop and resume as opt-in events with notification_messages_status', async () => {
		const { psid } = await h.control.createSubscriber(page.pageId);
		const { token } = await h.control.issueToken(page.pageId, { psid, type: 'marketing', payload: 'FLASH', title: 'Flash sales' });
		await delivered();
		await h.control.stopMarketing(page.pageId, { token });
		await h.control.resumeMarketing(page.pageId, { psid, title: 'Flash sales' });
		const [stop, resume] = await deliveredEvents();
		const optin = { type: 'notification_messages', payload: 'FLASH', notification_messages_token: token, notification_messages_timezone: 'UTC', user_token_status: 'NOT_REFRESHED', title: 'Flash sales' };
		expect(stop).toEqual({ ...envelope(psid), optin: { ...optin, notification_messages_status: 'STOP NOTIFICATIONS' } });
		expect(resume).toEqual({ ...envelope(psid), optin: { ...optin, notification_messages_status: 'RESUME NOTIFICATIONS' } });
	});

	it("reports delivery and read of what the subscriber received, each message once; deliveries alternate without and with timestamp, as Meta's reference and public code show them", async () => {
		const { psid } = await h.control.createSubscriber(page.pageId);
		await h.control.sendsMessage(page.pageId, psid, 'hi');
		const first = await send(h.graph, page.pageToken, textTo(psid, 'one'));
		const second = await send(h.graph, page.pageToken, textTo(psid, 'two'));
		await delivered();
		const received = await h.control.deliveries({ pageId: page.pageId, psid });

		await h.control.reportsDelivered(page.pageId, psid);
		const [delivery] = await deliveredEvents();
		expect(delivery).toEqual({ sender: { id: psid }, recipient: { id: page.pageId }, delivery: { mids: [first.data.message_id, second.data.message_id], watermark: received[1].at } });
		await expect(h.control.reportsDelivered(page.pageId, psid)).rejects.toMatchObject({ response: { status: 409 } });

		const third = await send(h.graph, page.pageToken, textTo(psid, 'three'));
		const [, , last] = await h.control.deliveries({ pageId: page.pageId, psid });
		const reported = await h.control.reportsRead(page.pageId, psid);
		expect(reported.map((event) => event.kind)).toEqual(['delivery', 'read']);
		const [newDelivery, read] = await deliveredEvents();
		expect(newDelivery).toEqual({ ...envelope(psid), delivery: { mids: [third.data.message_id], watermark: last.at } });
		expect(read).toEqual({ ...envelope(psid), read: { watermark: last.at } });
		await expect(h.control.reportsRead(page.pageId, psid)).rejects.toMatchObject({ response: { status: 409 } });
	});

	it('reports delivery and read by itself at the configured share', async () => {
		await h.control.setWebhookSettings({ autoDeliveryPercent: 100, autoReadPercent: 100 });
		const { psid } = await h.control.createSubscriber(page.pageId);
		await h.control.sendsMessage(page.pageId, psid, 'hi');
		const sent = await send(h.graph, page.pageToken, textTo(psid, 'auto'));
		const events = await deliveredEvents();
		expect(events.map((event) => Object.keys(event).find((key) => ['message', 'delivery', 'read'].includes(key)))).toEqual(['message', 'delivery', 'read']);
		expect(events[1]).toMatchObject({ delivery: { mids: [sent.data.message_id] } });
	});

	it('signs the exact raw bytes and escapes non-ASCII as \\uXXXX (and / as \\/)', async () => {
		const { psid } = await h.control.createSubscriber(page.pageId);
		const text = 'äöå 😀 and/or';
		await h.control.sendsMessage(page.pageId, psid, text);
		const before = receiver.posts().length;
		await h.control.runDueWebhooks();
		const [post] = receiver.posts().slice(before);
		const raw = post.raw.toString('latin1');

		expect([...post.raw].every((byte) => byte < 0x80)).toBe(true);
		expect(raw).toContain('"text":"\\u00e4\\u00f6\\u00e5 \\ud83d\\ude00 and\\/or"');
		expect(post.headers['x-hub-signature-256']).toBe(expectedSignature(post.raw, page.appSecret));
		const parsed = JSON.parse(raw) as WebhookBody;
		expect(parsed.entry[0].messaging?.[0]).toMatchObject({ message: { text } });
		// Re-serializing the parsed body gives other bytes: only the raw body verifies.
		expect(expectedSignature(Buffer.from(JSON.stringify(parsed), 'utf8'), page.appSecret)).not.toBe(post.headers['x-hub-signature-256']);
	});

	it("batches several events, each Page's in one entry, up to the maximum per POST", async () => {
		const second = await h.control.createPage(page.appId);
		expect((await subscribePage(h.graph, { ...page, pageId: second.pageId, pageToken: second.pageToken })).status).toBe(200);
		const { psid } = await h.control.createSubscriber(page.pageId);
		const { psid: otherPsid } = await h.control.createSubscriber(second.pageId);
		await h.control.sendsMessage(page.pageId, psid, 'one');
		await h.control.sendsMessage(second.pageId, otherPsid, 'two');
		await h.control.tapsPostback(page.pageId, psid, 'THREE');

		const [body] = await delivered();
		expect(body.entry.map((entry) => [entry.id, entry.messaging?.length])).toEqual([
			[page.pageId, 2],
			[second.pageId, 1],
		]);

		// A full batch goes at once; the rest waits for its window (here: runDueWebhooks).
		await h.control.setWebhookSettings({ maxEventsPerPost: 2 });
		const before = receiver.posts().length;
		for (const text of ['a', 'b', 'c']) await h.control.sendsMessage(page.pageId, psid, text);
		await h.control.runDueWebhooks();
		expect(receiver.bodies(before).map((split) => messagingOf([split]).length)).toEqual([2, 1]);
	});

	it('delivers by itself once the batching window is over, in real time or on the emulator clock', async () => {
		const { psid } = await h.control.createSubscriber(page.pageId);
		const before = receiver.posts().length;
		await h.control.sendsMessage(page.pageId, psid, 'window on the clock');
		await h.control.advanceClock(60_000);
		await h.control.runDueWebhooks();
		expect(receiver.posts().length).toBe(before + 1);

		await h.control.setWebhookSettings({ batchWindowMs: 20 });
		await h.control.sendsMessage(page.pageId, psid, 'window in real time');
		for (let waited = 0; receiver.posts().length < before + 2 && waited < 2000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
		expect(messagingOf(receiver.bodies(before + 1))).toEqual([expect.objectContaining({ message: expect.objectContaining({ text: 'window in real time' }) })]);
	});

	it('sends nothing for a Page whose app has no subscription', async () => {
		const quiet = await newPage(h.control);
		expect((await subscribePage(h.graph, quiet)).status).toBe(200);
		const { psid } = await h.control.createSubscriber(quiet.pageId);
		await h.control.sendsMessage(quiet.pageId, psid, 'nobody listens');
		const attempts = await h.control.runDueWebhooks();
		expect(attempts.filter((attempt) => attempt.appId === quiet.appId)).toEqual([]);
	});
});
