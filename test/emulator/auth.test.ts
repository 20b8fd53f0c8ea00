import { createHmac } from 'crypto';

import { DEFAULT_APP_ID, DEFAULT_APP_SECRET, DEFAULT_PAGE_ID, DEFAULT_PAGE_NAME, DEFAULT_PAGE_TOKEN } from '../../emulator/server';
import { activeSubscriber, expectGraphError, newPage, send, startHarness, textTo, type Harness } from './helpers';

const proof = (token: string, secret: string): string => createHmac('sha256', secret).update(token).digest('hex');

describe('Graph authentication', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(() => h.emulator.close());

	it('answers GET /me for the default Page token, with and without a version prefix', async () => {
		for (const path of ['/v25.0/me', '/me']) {
			const response = await h.graph.get(path, { params: { access_token: DEFAULT_PAGE_TOKEN } });
			expect(response.status).toBe(200);
			expect(response.data).toEqual({ name: DEFAULT_PAGE_NAME, id: DEFAULT_PAGE_ID });
		}
	});

	it('takes the token from the Authorization header, the query string or the body', async () => {
		const header = await h.graph.get('/v25.0/me', { headers: { Authorization: `Bearer ${DEFAULT_PAGE_TOKEN}` } });
		expect(header.data.id).toBe(DEFAULT_PAGE_ID);
		const psid = await activeSubscriber(h.control, DEFAULT_PAGE_ID);
		const inBody = await h.graph.post('/v25.0/me/messages', { ...textTo(psid), access_token: DEFAULT_PAGE_TOKEN });
		expect(inBody.status).toBe(200);
	});

	it('honours fields loosely', async () => {
		const response = await h.graph.get('/v25.0/me', { params: { access_token: DEFAULT_PAGE_TOKEN, fields: 'id' } });
		expect(response.data).toEqual({ id: DEFAULT_PAGE_ID });
		const node = await h.graph.get(`/${DEFAULT_PAGE_ID}`, { params: { access_token: DEFAULT_PAGE_TOKEN, fields: 'name,id,unknown_field' } });
		expect(node.data).toEqual({ name: DEFAULT_PAGE_NAME, id: DEFAULT_PAGE_ID });
	});

	it('refuses an unknown or missing token with 190 OAuthException', async () => {
		const unknown = await h.graph.get('/v25.0/me', { params: { access_token: 'not-a-token' } });
		expectGraphError(unknown, { code: 190, type: 'OAuthException', message: 'Invalid OAuth access token.' });
		const missing = await h.graph.post('/v25.0/me/messages', textTo('1'));
		expectGraphError(missing, { code: 190, type: 'OAuthException' });
		expect(unknown.data.error.fbtrace_id).not.toBe(missing.data.error.fbtrace_id);
	});

	it('answers /me for an app access token with the app', async () => {
		const response = await h.graph.get('/v25.0/me', { params: { access_token: `${DEFAULT_APP_ID}|${DEFAULT_APP_SECRET}` } });
		expect(response.status).toBe(200);
		expect(response.data.id).toBe(DEFAULT_APP_ID);
		const wrongSecret = await h.graph.get('/v25.0/me', { params: { access_token: `${DEFAULT_APP_ID}|nope` } });
		expectGraphError(wrongSecret, { code: 190 });
	});

	it('refuses a send with an app token: a Page token is required (200)', async () => {
		const response = await h.graph.post('/v25.0/me/messages', textTo('1'), { params: { access_token: `${DEFAULT_APP_ID}|${DEFAULT_APP_SECRET}` } });
		expectGraphError(response, { code: 200 });
	});

	it('accepts a right appsecret_proof and refuses a wrong one with 100 GraphMethodException', async () => {
		const right = await h.graph.get('/v25.0/me', { params: { access_token: DEFAULT_PAGE_TOKEN, appsecret_proof: proof(DEFAULT_PAGE_TOKEN, DEFAULT_APP_SECRET) } });
		expect(right.status).toBe(200);
		const wrong = await h.graph.get('/v25.0/me', { params: { access_token: DEFAULT_PAGE_TOKEN, appsecret_proof: proof(DEFAULT_PAGE_TOKEN, 'other-secret') } });
		expectGraphError(wrong, { code: 100, type: 'GraphMethodException', message: 'Invalid appsecret_proof provided in the API argument' });
	});

	it('requires appsecret_proof when the app says so, also in the body', async () => {
		const page = await newPage(h.control, true);
		const missing = await h.graph.get('/v25.0/me', { params: { access_token: page.pageToken } });
		expectGraphError(missing, { code: 100, type: 'GraphMethodException', message: 'API calls from the server require an appsecret_proof argument' });
		const psid = await activeSubscriber(h.control, page.pageId);
		const withProof = await send(h.graph, page.pageToken, { ...textTo(psid), appsecret_proof: proof(page.pageToken, page.appSecret) });
		expect(withProof.status).toBe(200);
	});

	it("refuses another Page's token on /{page-id}/messages (200) and an unknown Page id (100/33)", async () => {
		const mine = await newPage(h.control);
		const other = await newPage(h.control);
		const psid = await activeSubscriber(h.control, other.pageId);
		const foreign = await h.graph.post(`/v25.0/${other.pageId}/messages`, textTo(psid), { params: { access_token: mine.pageToken } });
		expectGraphError(foreign, { code: 200, type: 'OAuthException' });
		const unknown = await h.graph.post('/v25.0/999999999/messages', textTo(psid), { params: { access_token: mine.pageToken } });
		expectGraphError(unknown, { code: 100, subcode: 33, type: 'GraphMethodException' });
		const own = await h.graph.post(`/v25.0/${other.pageId}/messages`, textTo(psid), { params: { access_token: other.pageToken } });
		expect(own.status).toBe(200);
		expect(own.data.recipient_id).toBe(psid);
		expect(own.data.message_id).toMatch(/^m_/);
	});

	it('answers an unsupported path with 100/33', async () => {
		const response = await h.graph.get('/v25.0/me/feed', { params: { access_token: DEFAULT_PAGE_TOKEN } });
		expectGraphError(response, { code: 100, subcode: 33 });
	});
});
