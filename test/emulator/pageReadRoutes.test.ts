import { DEFAULT_APP_ID, DEFAULT_APP_SECRET, DEFAULT_PAGE_ID, DEFAULT_PAGE_TOKEN } from '../../emulator/server';
import { newPage, send, startHarness, templateTo, textTo, type Harness } from './helpers';

/** What the web page reads: the page itself, the Pages without secrets, one conversation. */

describe('the web page and its read routes', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(() => h.emulator.close());

	it('serves the page at / and its files under /_emulator/ui/, and nothing else from there', async () => {
		const page = await h.graph.get('/');
		expect(page.status).toBe(200);
		expect(page.headers['content-type']).toMatch(/^text\/html/);
		expect(page.headers['content-security-policy']).toContain("default-src 'self'");
		expect(page.data).toContain('<title>Messenger emulator</title>');
		const script = await h.graph.get('/_emulator/ui/main.js');
		expect(script.status).toBe(200);
		expect(script.headers['content-type']).toMatch(/^text\/javascript/);
		expect((await h.graph.get('/_emulator/ui/page.css')).headers['content-type']).toMatch(/^text\/css/);
		for (const path of ['/_emulator/ui/uiFiles.ts', '/_emulator/ui/static/index.html', '/_emulator/ui/%2e%2e%2fserver.ts']) {
			expect((await h.graph.get(path)).status).toBe(404);
		}
		// Graph calls are untouched: GET / with a POST is still the batch endpoint.
		expect((await h.graph.post('/', { batch: [] }, { params: { access_token: DEFAULT_PAGE_TOKEN } })).headers['content-type']).toMatch(/json/);
	});

	it('lists every Page with its app, without tokens or secrets', async () => {
		const added = await newPage(h.control);
		const pages = await h.control.pages();
		expect(pages).toContainEqual({ pageId: DEFAULT_PAGE_ID, name: 'Emulated Page', appId: DEFAULT_APP_ID });
		expect(pages).toContainEqual({ pageId: added.pageId, name: expect.any(String), appId: added.appId });
		const text = JSON.stringify(pages);
		for (const secret of [DEFAULT_PAGE_TOKEN, DEFAULT_APP_SECRET, added.pageToken, added.appSecret]) expect(text).not.toContain(secret);
	});

	it("merges what the subscriber did with what the Page sent, oldest first, without receipts", async () => {
		const page = await newPage(h.control);
		const { psid } = await h.control.createSubscriber(page.pageId, { name: 'Ada' });
		await h.control.tapsPostback(page.pageId, psid, 'DEALS', 'Notify me about deals');
		await send(h.graph, page.pageToken, templateTo(psid, { template_type: 'one_time_notif_req', title: 'Tell me about deals', payload: 'deals' }));
		const { token } = await h.control.tapsNotifyMe(page.pageId, psid);
		await send(h.graph, page.pageToken, { recipient: { one_time_notif_token: token.token }, message: { text: 'Deals are live' } });
		await h.control.reportsRead(page.pageId, psid);
		await h.control.sendsMessage(page.pageId, psid, 'Thanks');
		await send(h.graph, page.pageToken, textTo(psid, 'You are welcome'));

		const view = await h.control.conversation(page.pageId, psid);
		expect(view.subscriber).toMatchObject({ psid, name: 'Ada', lastOptInRequest: { title: 'Tell me about deals' } });
		const lines = view.entries.map((entry) => (entry.from === 'page' ? `page ${entry.delivery.via}` : `subscriber ${entry.event.kind}`));
		expect(lines).toEqual(['subscriber postback', 'page psid', 'subscriber optin', 'page one_time_notif_token', 'subscriber message', 'page psid']);
		const times = view.entries.map((entry) => entry.at);
		expect(times).toEqual([...times].sort((a, b) => a - b));
	});

	it('keeps cause before effect when everything happens within one millisecond', async () => {
		const page = await newPage(h.control);
		const { psid } = await h.control.createSubscriber(page.pageId);
		const frozen = jest.spyOn(Date, 'now').mockReturnValue(Date.now());
		try {
			await h.control.tapsPostback(page.pageId, psid, 'DEALS');
			await send(h.graph, page.pageToken, templateTo(psid, { template_type: 'one_time_notif_req', title: 'Deals', payload: 'deals' }));
			const first = await h.control.tapsNotifyMe(page.pageId, psid);
			const second = await h.control.tapsNotifyMe(page.pageId, psid);
			for (const { token } of [second, first]) await send(h.graph, page.pageToken, { recipient: { one_time_notif_token: token.token }, message: { text: 'Deal' } });
			const view = await h.control.conversation(page.pageId, psid);
			expect(new Set(view.entries.map((entry) => entry.at)).size).toBe(1);
			const lines = view.entries.map((entry) => (entry.from === 'page' ? `page ${entry.delivery.via}` : `subscriber ${entry.event.kind}`));
			expect(lines).toEqual(['subscriber postback', 'page psid', 'subscriber optin', 'subscriber optin', 'page one_time_notif_token', 'page one_time_notif_token']);
		} finally {
			frozen.mockRestore();
		}
	});

	it('answers 404 for an unknown Page or subscriber', async () => {
		await expect(h.control.conversation('999', '1')).rejects.toMatchObject({ response: { status: 404 } });
		await expect(h.control.conversation(DEFAULT_PAGE_ID, 'nobody')).rejects.toMatchObject({ response: { status: 404 } });
	});
});
