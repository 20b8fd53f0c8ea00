import {
	DEFAULT_APP_ID,
	DEFAULT_APP_SECRET,
	DEFAULT_PAGE_ID,
	DEFAULT_PAGE_TOKEN,
	startEmulator,
} from '../../emulator/server';
import type { InboundEvent } from '../../emulator/client';
import { activeSubscriber, HOUR, newPage, send, startHarness, textTo, type Harness } from './helpers';

describe('control API', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(() => h.emulator.close());

	it('starts with the default app and Page', async () => {
		const [app] = await h.control.apps();
		expect(app).toMatchObject({ appId: DEFAULT_APP_ID, appSecret: DEFAULT_APP_SECRET, requireAppSecretProof: false });
		expect(app.pages).toEqual([{ pageId: DEFAULT_PAGE_ID, pageToken: DEFAULT_PAGE_TOKEN, name: 'Emulated Page', appId: DEFAULT_APP_ID, region: 'US', profileAccess: true }]);
	});

	it('creates apps and Pages with given or generated ids, and refuses duplicates with 409', async () => {
		const app = await h.control.createApp({ appId: '555', appSecret: 's', pages: [{ pageId: '666', pageToken: 'T666', name: 'Shop' }] });
		expect(app.pages[0]).toMatchObject({ pageId: '666', pageToken: 'T666', name: 'Shop', appId: '555' });
		const added = await h.control.createPage('555');
		expect(added.pageId).toMatch(/^\d{15}$/);
		expect((await h.graph.get('/me', { params: { access_token: added.pageToken } })).data.id).toBe(added.pageId);
		await expect(h.control.createApp({ appId: '555' })).rejects.toMatchObject({ response: { status: 409 } });
		await expect(h.control.createPage('555', { pageToken: 'T666' })).rejects.toMatchObject({ response: { status: 409 } });
		await expect(h.control.createApp({ pages: [{ pageId: '666' }] })).rejects.toMatchObject({ response: { status: 409 } });
	});

	it('creates subscribers with given or generated PSIDs and answers 404 for unknown ones', async () => {
		const page = await newPage(h.control);
		const named = await h.control.createSubscriber(page.pageId, { psid: '7000000000000001', name: 'Ada' });
		expect(named).toMatchObject({ psid: '7000000000000001', name: 'Ada', lastUserActionAt: null, lastOptInRequest: null });
		const generated = await h.control.createSubscriber(page.pageId);
		expect(generated.psid).toMatch(/^\d{16}$/);
		expect((await h.control.subscribers(page.pageId)).map((subscriber) => subscriber.psid)).toEqual([named.psid, generated.psid]);
		await expect(h.control.subscriber(page.pageId, '1')).rejects.toMatchObject({ response: { status: 404 } });
		await expect(h.control.createSubscriber('404')).rejects.toMatchObject({ response: { status: 404 } });
		await expect(h.control.issueToken(page.pageId, { psid: '1', type: 'one_time' })).rejects.toMatchObject({ response: { status: 404 } });
	});

	it('queues inbound events in webhook messaging shape, readable after an id and by subscription', async () => {
		const page = await newPage(h.control);
		const { psid } = await h.control.createSubscriber(page.pageId);
		const pushed: InboundEvent[] = [];
		const unsubscribe = h.emulator.events.subscribe((event) => pushed.push(event));
		const message = await h.control.sendsMessage(page.pageId, psid, 'Is it back?');
		const reply = await h.control.tapsQuickReply(page.pageId, psid, 'YES', 'Yes');
		const postback = await h.control.tapsPostback(page.pageId, psid, 'OTN_REQ:SKU123', 'Notify me');
		const marketing = await h.control.issueToken(page.pageId, { psid, type: 'marketing', payload: 'DEALS', title: 'Deals' });
		unsubscribe();

		expect(message.messaging).toEqual({ sender: { id: psid }, recipient: { id: page.pageId }, timestamp: message.at, message: { mid: expect.stringMatching(/^m_/), text: 'Is it back?' } });
		expect(reply.messaging.message).toEqual({ quick_reply: { payload: 'YES' }, mid: expect.any(String), text: 'Yes' });
		expect(postback.messaging.postback).toEqual({ mid: expect.any(String), title: 'Notify me', payload: 'OTN_REQ:SKU123' });
		const after = await h.control.events({ pageId: page.pageId, afterId: reply.id });
		expect(after.map((event) => event.kind)).toEqual(['postback', 'optin']);
		expect(after[1].messaging.optin).toEqual({
			type: 'notification_messages',
			payload: 'DEALS',
			notification_messages_token: marketing.token,
			notification_messages_timezone: 'UTC',
			user_token_status: 'NOT_REFRESHED',
			title: 'Deals',
		});
		expect(pushed.map((event) => event.id)).toEqual([message.id, reply.id, postback.id, after[1].id]);
	});

	it('moves the clock forward only', async () => {
		const before = await h.control.clock();
		const after = await h.control.advanceClock(HOUR);
		expect(after.offsetMs - before.offsetMs).toBe(HOUR);
		expect(after.now - before.now).toBeGreaterThanOrEqual(HOUR);
		await expect(h.control.advanceClock(-1)).rejects.toMatchObject({ response: { status: 400 } });
	});

	it('reports call statistics and resets them', async () => {
		const page = await newPage(h.control);
		const psid = await activeSubscriber(h.control, page.pageId);
		await send(h.graph, page.pageToken, textTo(psid));
		await h.graph.get('/me', { params: { access_token: `${DEFAULT_APP_ID}|${DEFAULT_APP_SECRET}` } });
		const stats = await h.control.stats();
		expect(stats.pages.find((entry) => entry.key === page.pageId)).toMatchObject({ calls: 1, accepted: 1, rateLimited: 0 });
		expect(stats.pages.find((entry) => entry.key === `app:${DEFAULT_APP_ID}`)?.calls).toBeGreaterThanOrEqual(1);
		expect((await h.control.resetStats()).pages).toEqual([]);
	});

	it('answers 404 for an unknown control route and 400 for a body that is not JSON', async () => {
		await expect(h.control.http.get('/nothing-here')).rejects.toMatchObject({ response: { status: 404 } });
		await expect(h.control.http.post('/clock', 'advanceMs=1', { headers: { 'Content-Type': 'application/json' } })).rejects.toMatchObject({ response: { status: 400 } });
	});

	it('resets every record back to the starting apps and settings', async () => {
		const page = await newPage(h.control);
		const psid = await activeSubscriber(h.control, page.pageId);
		await send(h.graph, page.pageToken, textTo(psid));
		await h.control.setRateLimit(1);
		await h.control.setSettings({ marketingCooldownMs: 1 });
		await h.control.addFault({ kind: 'drop', phase: 'before', percent: 100 });
		await h.control.advanceClock(HOUR);

		await h.control.reset();
		expect((await h.control.apps()).map((app) => app.appId)).toEqual([DEFAULT_APP_ID]);
		expect(await h.control.deliveries()).toEqual([]);
		expect(await h.control.events()).toEqual([]);
		expect(await h.control.faults()).toEqual([]);
		expect((await h.control.stats()).pages).toEqual([]);
		expect((await h.control.clock()).offsetMs).toBe(0);
		expect((await h.control.settings()).marketingCooldownMs).toBe(48 * HOUR);
		expect((await h.graph.get('/me', { params: { access_token: page.pageToken } })).status).toBe(400);
		const answers = await Promise.all([1, 2, 3].map(() => h.graph.get('/me', { params: { access_token: DEFAULT_PAGE_TOKEN } })));
		expect(answers.every((response) => response.status === 200)).toBe(true);
	});
});

describe('startEmulator', () => {
	it('listens on loopback only', async () => {
		await expect(startEmulator({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
	});

	it('serves several apps with their own secrets and tokens', async () => {
		const emulator = await startEmulator({
			apps: [
				{ appId: '1', appSecret: 'a', pages: [{ pageId: '11', pageToken: 'P11' }] },
				{ appId: '2', appSecret: 'b', requireAppSecretProof: true, pages: [{ pageId: '21', pageToken: 'P21' }, { pageId: '22', pageToken: 'P22' }] },
			],
		});
		try {
			expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
			expect(emulator.state.directory.list().map((app) => app.pages.length)).toEqual([1, 2]);
		} finally {
			await emulator.close();
		}
	});
});

