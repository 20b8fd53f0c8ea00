import { createHmac } from 'crypto';

import { expectGraphError, newPage, startHarness, type Harness, type TestPage } from './helpers';

interface BatchAnswer {
	code: number;
	headers?: { name: string; value: string }[];
	body: string;
}

const sendItem = (psid: string, text = 'hi'): Record<string, string> => ({
	method: 'POST',
	relative_url: 'me/messages',
	body: new URLSearchParams({ recipient: JSON.stringify({ id: psid }), messaging_type: 'UPDATE', message: JSON.stringify({ text }) }).toString(),
});

describe('Graph batch requests', () => {
	let h: Harness;
	let page: TestPage;
	beforeAll(async () => {
		h = await startHarness();
	});
	beforeEach(async () => {
		page = await newPage(h.control);
	});
	afterEach(() => h.control.clearFaults());
	afterAll(() => h.emulator.close());

	async function activeSubscribers(count: number): Promise<string[]> {
		const psids: string[] = [];
		for (let index = 0; index < count; index++) {
			const { psid } = await h.control.createSubscriber(page.pageId);
			await h.control.sendsMessage(page.pageId, psid);
			psids.push(psid);
		}
		return psids;
	}

	const batch = (items: unknown[], extra: Record<string, unknown> = {}) =>
		h.graph.post('/v25.0/', { access_token: page.pageToken, batch: JSON.stringify(items), ...extra });

	it('runs 50 items and answers each in order', async () => {
		const psids = await activeSubscribers(50);
		const response = await batch(psids.map((psid, index) => sendItem(psid, `n${index}`)));
		expect(response.status).toBe(200);
		const answers = response.data as BatchAnswer[];
		expect(answers).toHaveLength(50);
		answers.forEach((answer, index) => {
			expect(answer.code).toBe(200);
			expect(answer.headers).toEqual(expect.arrayContaining([{ name: 'Content-Type', value: 'text/javascript; charset=UTF-8' }]));
			expect(JSON.parse(answer.body).recipient_id).toBe(psids[index]);
		});
		const delivered = await h.control.deliveries({ pageId: page.pageId });
		expect(delivered.map((delivery) => delivery.message.text)).toEqual(psids.map((_psid, index) => `n${index}`));
		expect((await h.control.stats()).batchItems).toBeGreaterThanOrEqual(50);
	});

	it('refuses 51 items with code 1 and runs none', async () => {
		const [psid] = await activeSubscribers(1);
		const response = await batch(Array.from({ length: 51 }, () => sendItem(psid)));
		expectGraphError(response, { code: 1, message: /Maximum batch size is 50/ });
		expect(await h.control.deliveries({ pageId: page.pageId })).toHaveLength(0);
	});

	it('answers failures per item, in order, next to successes', async () => {
		const [psid] = await activeSubscribers(1);
		const items = [sendItem(psid, 'first'), sendItem('4040404040404040'), { method: 'GET', relative_url: 'v25.0/me' }, { method: 'POST' }];
		const answers = (await batch(items)).data as BatchAnswer[];
		expect(answers.map((answer) => answer.code)).toEqual([200, 400, 200, 400]);
		expect(JSON.parse(answers[1].body).error).toMatchObject({ code: 100, error_subcode: 2018001 });
		expect(JSON.parse(answers[2].body)).toMatchObject({ id: page.pageId });
		expect(JSON.parse(answers[3].body).error.code).toBe(100);
	});

	it('accepts a form-encoded batch, include_headers=false, and item tokens of their own', async () => {
		const [psid] = await activeSubscribers(1);
		const other = await newPage(h.control);
		const items = [sendItem(psid), { method: 'GET', relative_url: `me?access_token=${encodeURIComponent(other.pageToken)}` }];
		const form = new URLSearchParams({ access_token: page.pageToken, include_headers: 'false', batch: JSON.stringify(items) });
		const response = await h.graph.post('/v25.0/', form.toString(), { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
		const answers = response.data as BatchAnswer[];
		expect(answers.map((answer) => answer.code)).toEqual([200, 200]);
		expect(answers[0].headers).toBeUndefined();
		expect(JSON.parse(answers[1].body).id).toBe(other.pageId);
	});

	it('applies the top-level appsecret_proof to every item and refuses the batch without it', async () => {
		page = await newPage(h.control, true);
		const [psid] = await activeSubscribers(1);
		const proof = createHmac('sha256', page.appSecret).update(page.pageToken).digest('hex');
		const ok = await batch([sendItem(psid), sendItem(psid)], { appsecret_proof: proof });
		expect((ok.data as BatchAnswer[]).map((answer) => answer.code)).toEqual([200, 200]);
		expectGraphError(await batch([sendItem(psid)]), { code: 100, message: /appsecret_proof/ });
		expectGraphError(await h.graph.post('/v25.0/', { batch: JSON.stringify([sendItem(psid)]) }), { code: 190 });
	});

	it('answers null for an item whose injected time-out fires after processing; the subscriber still got it', async () => {
		const psids = await activeSubscribers(3);
		await h.control.addFault({ kind: 'timeout', phase: 'after', count: 1, hangMs: 100, pageId: page.pageId });
		const answers = (await batch(psids.map((psid) => sendItem(psid)))).data as (BatchAnswer | null)[];
		expect(answers[0]).toBeNull();
		expect(answers.slice(1).map((answer) => answer?.code)).toEqual([200, 200]);
		expect(await h.control.deliveries({ pageId: page.pageId })).toHaveLength(3);
	});

	it('answers null for an item timed out before processing; nothing was delivered to it', async () => {
		const psids = await activeSubscribers(2);
		await h.control.addFault({ kind: 'timeout', phase: 'before', count: 1, hangMs: 50, pageId: page.pageId });
		const answers = (await batch(psids.map((psid) => sendItem(psid)))).data as (BatchAnswer | null)[];
		expect(answers[0]).toBeNull();
		expect(answers[1]?.code).toBe(200);
		expect((await h.control.deliveries({ pageId: page.pageId })).map((delivery) => delivery.psid)).toEqual([psids[1]]);
	});

	it('answers an injected server error inside the item', async () => {
		const psids = await activeSubscribers(2);
		await h.control.addFault({ kind: 'http500', phase: 'before', count: 1, pageId: page.pageId });
		const answers = (await batch(psids.map((psid) => sendItem(psid)))).data as BatchAnswer[];
		expect(answers[0].code).toBe(500);
		expect(JSON.parse(answers[0].body).error.code).toBe(2);
		expect(answers[1].code).toBe(200);
	});

	it('counts every item toward the rate limit', async () => {
		const psids = await activeSubscribers(8);
		await h.control.setRateLimit(5, page.pageId);
		const answers = (await batch(psids.map((psid) => sendItem(psid)))).data as BatchAnswer[];
		expect(answers.map((answer) => answer.code)).toEqual([200, 200, 200, 200, 200, 400, 400, 400]);
		expect(JSON.parse(answers[7].body).error).toMatchObject({ code: 613, error_subcode: 2534040 });
	});

	it('refuses a batch that is not a JSON array', async () => {
		expectGraphError(await h.graph.post('/v25.0/', { access_token: page.pageToken, batch: '{"a":1}' }), { code: 100, message: /batch/ });
		expectGraphError(await h.graph.post('/v25.0/', { access_token: page.pageToken, batch: '[]' }), { code: 100, message: /batch/ });
	});
});
