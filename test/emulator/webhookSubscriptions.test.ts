import { expectGraphError, newPage, startHarness, type Harness } from './helpers';
import { appToken, subscribeApp, subscribedPage, subscribePage } from './webhookHelpers';
import { messagingOf, WebhookReceiver } from './webhookReceiver';

describe('webhook subscriptions', () => {
	let h: Harness;
	let receiver: WebhookReceiver;
	let other: WebhookReceiver;
	beforeAll(async () => {
		h = await startHarness({ webhooks: { batchWindowMs: 60_000 } });
		receiver = await WebhookReceiver.start();
		other = await WebhookReceiver.start('/other');
	});
	beforeEach(() => {
		receiver.behaviour = { verify: 'echo', verifyToken: 'verify-me', post: 200 };
		other.behaviour = { verify: 'echo', verifyToken: 'verify-me', post: 200 };
	});
	afterAll(async () => {
		await h.emulator.close();
		await receiver.close();
		await other.close();
	});

	const appSubscriptionsOf = async (appId: string, token: string) => (await h.graph.get(`/v25.0/${appId}/subscriptions`, { params: { access_token: token } })).data;

	it('verifies the callback URL with the GET handshake, then lists the subscription', async () => {
		const page = await newPage(h.control);
		const before = receiver.requests.length;
		const response = await subscribeApp(h.graph, page, receiver.url, { fields: ['messages', 'messaging_optins'] });
		expect(response.status).toBe(200);
		expect(response.data).toEqual({ success: true });

		const [handshake] = receiver.requests.slice(before);
		expect(handshake.method).toBe('GET');
		expect(handshake.url.pathname).toBe('/webhook');
		expect([...handshake.url.searchParams.keys()]).toEqual(['hub.mode', 'hub.verify_token', 'hub.challenge']);
		expect(handshake.url.searchParams.get('hub.mode')).toBe('subscribe');
		expect(handshake.url.searchParams.get('hub.verify_token')).toBe('verify-me');
		expect(handshake.url.searchParams.get('hub.challenge')).toMatch(/^\d{10}$/);

		expect(await appSubscriptionsOf(page.appId, appToken(page))).toEqual({
			data: [
				{
					object: 'page',
					callback_url: receiver.url,
					active: true,
					fields: [
						{ name: 'messages', version: 'v25.0' },
						{ name: 'messaging_optins', version: 'v25.0' },
					],
				},
			],
		});
	});

	it('takes unversioned and versioned paths and fields as an array, adding to the fields already subscribed', async () => {
		const page = await newPage(h.control);
		expect((await subscribeApp(h.graph, page, receiver.url, { fields: ['messages'], version: '' })).status).toBe(200);
		const asJson = await h.graph.post(`/v24.0/${page.appId}/subscriptions`, {
			object: 'page',
			callback_url: receiver.url,
			fields: ['message_reads', 'message_deliveries'],
			verify_token: 'verify-me',
			access_token: appToken(page),
		});
		expect(asJson.status).toBe(200);
		const [subscription] = (await h.graph.get(`/${page.appId}/subscriptions`, { params: { access_token: appToken(page) } })).data.data;
		expect(subscription.fields).toEqual([
			{ name: 'messages', version: 'v25.0' },
			{ name: 'message_reads', version: 'v24.0' },
			{ name: 'message_deliveries', version: 'v24.0' },
		]);
		const viaAlias = await h.graph.get('/v25.0/app/subscriptions', { params: { access_token: appToken(page) } });
		expect(viaAlias.data.data[0].callback_url).toBe(receiver.url);
	});

	it('refuses a failed handshake with 2200 and keeps the previous subscription', async () => {
		const page = await subscribedPage(h, receiver);
		const { psid } = await h.control.createSubscriber(page.pageId);

		other.behaviour.verify = 'wrong';
		expectGraphError(await subscribeApp(h.graph, page, other.url), { code: 2200, message: /^\(#2200\) Callback verification failed with the following errors: .*does not match the challenge/ });
		other.behaviour.verify = 403;
		expectGraphError(await subscribeApp(h.graph, page, other.url), { code: 2200, message: /HTTP Status Code = 403; HTTP Message = Forbidden/ });
		other.behaviour.verify = 'echo';
		expectGraphError(await subscribeApp(h.graph, page, other.url, { verifyToken: 'not-the-token' }), { code: 2200, message: /HTTP Status Code = 403/ });
		expect(other.requests.filter((request) => request.method === 'GET')).toHaveLength(3);

		const [kept] = (await appSubscriptionsOf(page.appId, appToken(page))).data;
		expect(kept).toMatchObject({ callback_url: receiver.url, active: true });
		const before = receiver.posts().length;
		await h.control.sendsMessage(page.pageId, psid, 'still here');
		await h.control.runDueWebhooks();
		expect(messagingOf(receiver.bodies(before))).toEqual([expect.objectContaining({ message: expect.objectContaining({ text: 'still here' }) })]);
		expect(other.posts()).toHaveLength(0);
	});

	it('keeps one callback URL per app: a second URL replaces the first', async () => {
		const page = await subscribedPage(h, receiver);
		const { psid } = await h.control.createSubscriber(page.pageId);
		expect((await subscribeApp(h.graph, page, other.url)).status).toBe(200);
		const { data } = await appSubscriptionsOf(page.appId, appToken(page));
		expect(data).toHaveLength(1);
		expect(data[0].callback_url).toBe(other.url);

		const [receiverBefore, otherBefore] = [receiver.posts().length, other.posts().length];
		await h.control.sendsMessage(page.pageId, psid, 'to the new URL');
		await h.control.runDueWebhooks();
		expect(receiver.posts()).toHaveLength(receiverBefore);
		expect(messagingOf(other.bodies(otherBefore))).toHaveLength(1);
	});

	it('requires the app access token of that very app', async () => {
		const page = await newPage(h.control);
		const stranger = await newPage(h.control);
		expectGraphError(await subscribeApp(h.graph, page, receiver.url, { accessToken: page.pageToken }), { code: 200, message: '(#200) This call requires an app access token.' });
		expectGraphError(await subscribeApp(h.graph, page, receiver.url, { accessToken: appToken(stranger) }), { code: 200, message: /permission to act for app/ });
		expectGraphError(await h.graph.get(`/v25.0/${page.appId}/subscriptions`, { params: { access_token: page.pageToken } }), { code: 200 });
		expectGraphError(await h.graph.delete(`/v25.0/${page.appId}/subscriptions`, { params: { access_token: page.pageToken } }), { code: 200 });
		expectGraphError(await h.graph.get('/v25.0/999999/subscriptions', { params: { access_token: appToken(page) } }), { code: 100, subcode: 33 });
		expectGraphError(await h.graph.get(`/v25.0/${page.appId}/subscriptions`), { code: 190 });
		expect((await appSubscriptionsOf(page.appId, appToken(page))).data).toEqual([]);
	});

	it('checks the parameters before any handshake', async () => {
		const page = await newPage(h.control);
		const before = receiver.requests.length;
		const post = (params: Record<string, string>) =>
			h.graph.post(`/v25.0/${page.appId}/subscriptions`, null, {
				params: { object: 'page', callback_url: receiver.url, fields: 'messages', verify_token: 'verify-me', access_token: appToken(page), ...params },
			});
		expectGraphError(await post({ object: 'user' }), { code: 100 });
		expectGraphError(await post({ fields: 'messages,not_a_field' }), { code: 100, message: /fields\[1\]/ });
		expectGraphError(await post({ fields: '' }), { code: 100 });
		expectGraphError(await post({ verify_token: '' }), { code: 100, message: /verify_token/ });
		expectGraphError(await post({ callback_url: 'https://example.com/hook' }), { code: 100, message: /loopback/ });
		expectGraphError(await post({ callback_url: 'ftp://127.0.0.1/hook' }), { code: 100 });
		expect(receiver.requests.length).toBe(before);
	});

	it('DELETE removes some fields or the whole subscription', async () => {
		const page = await subscribedPage(h, receiver);
		const remove = (params: Record<string, string>) => h.graph.delete(`/v25.0/${page.appId}/subscriptions`, { params: { access_token: appToken(page), ...params } });
		expect((await remove({ object: 'page', fields: 'messages,message_reads' })).data).toEqual({ success: true });
		const [left] = (await appSubscriptionsOf(page.appId, appToken(page))).data;
		expect(left.fields.map((field: { name: string }) => field.name)).toEqual(['messaging_postbacks', 'messaging_optins', 'message_deliveries']);
		expect((await remove({ object: 'page' })).data).toEqual({ success: true });
		expect((await appSubscriptionsOf(page.appId, appToken(page))).data).toEqual([]);
	});

	it('subscribes the app to the Page with the Page token (subscribed_apps)', async () => {
		const page = await newPage(h.control);
		const list = async () => (await h.graph.get(`/v25.0/${page.pageId}/subscribed_apps`, { params: { access_token: page.pageToken } })).data;
		expect(await list()).toEqual({ data: [] });

		const posted = await subscribePage(h.graph, page, ['messages', 'messaging_postbacks', 'messaging_optins']);
		expect(posted.status).toBe(200);
		expect(posted.data).toEqual({ success: true });
		expect(await list()).toEqual({
			data: [{ category: 'Business', link: expect.any(String), name: `App ${page.appId}`, id: page.appId, subscribed_fields: ['messages', 'messaging_postbacks', 'messaging_optins'] }],
		});
		// A new list replaces the old one.
		await subscribePage(h.graph, page, ['message_reads']);
		expect((await list()).data[0].subscribed_fields).toEqual(['message_reads']);
		const state = await h.control.webhookSubscriptions({ pageId: page.pageId });
		expect(state).toEqual([expect.objectContaining({ appId: page.appId, pages: [{ pageId: page.pageId, fields: ['message_reads'] }] })]);

		const stranger = await newPage(h.control);
		expectGraphError(await h.graph.post(`/v25.0/${page.pageId}/subscribed_apps`, null, { params: { subscribed_fields: 'messages', access_token: appToken(page) } }), { code: 200 });
		expectGraphError(await h.graph.post(`/v25.0/${page.pageId}/subscribed_apps`, null, { params: { subscribed_fields: 'messages', access_token: stranger.pageToken } }), { code: 200 });
		expectGraphError(await h.graph.post(`/v25.0/${page.pageId}/subscribed_apps`, null, { params: { access_token: page.pageToken } }), { code: 100 });

		expect((await h.graph.delete(`/v25.0/${page.pageId}/subscribed_apps`, { params: { access_token: page.pageToken } })).data).toEqual({ success: true });
		expect(await list()).toEqual({ data: [] });
	});

	it('sends a Page event only when its field is subscribed at both app and Page level', async () => {
		const page = await newPage(h.control);
		expect((await subscribeApp(h.graph, page, receiver.url, { fields: ['messages', 'messaging_postbacks'] })).status).toBe(200);
		expect((await subscribePage(h.graph, page, ['messages', 'messaging_optins'])).status).toBe(200);
		const { psid } = await h.control.createSubscriber(page.pageId);
		const before = receiver.posts().length;

		await h.control.sendsMessage(page.pageId, psid, 'both levels');
		await h.control.tapsPostback(page.pageId, psid, 'APP_ONLY');
		await h.control.issueToken(page.pageId, { psid, type: 'one_time', payload: 'PAGE_ONLY' });
		const attempts = await h.control.runDueWebhooks();

		expect(attempts.filter((attempt) => attempt.appId === page.appId).map((attempt) => attempt.fields)).toEqual([['messages']]);
		const events = messagingOf(receiver.bodies(before));
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ message: { text: 'both levels' } });
	});
});

describe('webhook side on reset and close', () => {
	it('reset drops subscriptions, waiting deliveries, the log and changed settings', async () => {
		const h = await startHarness({ webhooks: { batchWindowMs: 60_000 } });
		const receiver = await WebhookReceiver.start();
		try {
			receiver.behaviour.post = 500;
			const page = await subscribedPage(h, receiver);
			const { psid } = await h.control.createSubscriber(page.pageId);
			await h.control.sendsMessage(page.pageId, psid, 'before reset');
			await h.control.runDueWebhooks();
			await h.control.setWebhookSettings({ duplicatePercent: 50 });

			await h.control.reset();
			const log = await h.control.webhookLog();
			expect(log.attempts).toEqual([]);
			expect(log.alerts).toEqual([]);
			expect(log.apps).toEqual([expect.objectContaining({ subscription: null, pages: [], pendingDeliveries: 0, failingSince: null })]);
			expect((await h.control.webhookSettings()).duplicatePercent).toBe(0);
			expect((await h.control.webhookSettings()).batchWindowMs).toBe(60_000);
		} finally {
			await h.emulator.close();
			await receiver.close();
		}
	});

	it('close ends a webhook POST still waiting for its answer', async () => {
		const h = await startHarness({ webhooks: { batchWindowMs: 0, timeoutMs: 30_000 } });
		const receiver = await WebhookReceiver.start();
		try {
			receiver.behaviour.post = 'hang';
			const page = await subscribedPage(h, receiver);
			const { psid } = await h.control.createSubscriber(page.pageId);
			await h.control.sendsMessage(page.pageId, psid, 'never answered');
			for (let waited = 0; receiver.posts().length === 0 && waited < 2000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
			expect(receiver.posts()).toHaveLength(1);
			const started = Date.now();
			await h.emulator.close();
			expect(Date.now() - started).toBeLessThan(1000);
		} finally {
			await receiver.close();
		}
	});
});
