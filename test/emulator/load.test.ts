import { setTimeout as wait } from 'timers/promises';

import { activeSubscriber, expectGraphError, newPage, send, startHarness, textTo, type Harness, type TestPage } from './helpers';

/** Resolves to the error of a call that got no HTTP answer at all. */
async function noAnswer(call: Promise<unknown>): Promise<Error & { response?: unknown; code?: string }> {
	const error = await call.then(
		() => undefined,
		(reason: Error & { response?: unknown }) => reason,
	);
	expect(error).toBeDefined();
	expect(error?.response).toBeUndefined();
	return error as Error & { response?: unknown; code?: string };
}

describe('rate limit', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(() => h.emulator.close());

	it('refuses calls above the Page limit with 613/2534040, counts them, and recovers after a second', async () => {
		const page = await newPage(h.control);
		const psid = await activeSubscriber(h.control, page.pageId);
		await h.control.setRateLimit(5, page.pageId);
		const answers = await Promise.all(Array.from({ length: 20 }, (_unused, index) => send(h.graph, page.pageToken, textTo(psid, `burst ${index}`))));
		const ok = answers.filter((response) => response.status === 200);
		const refused = answers.filter((response) => response.status !== 200);
		expect(ok).toHaveLength(5);
		expect(refused).toHaveLength(15);
		for (const response of refused) expectGraphError(response, { code: 613, subcode: 2534040, message: '(#613) Calls to this api have exceeded the rate limit.' });
		expect(await h.control.deliveries({ psid })).toHaveLength(5);

		const stats = (await h.control.stats()).pages.find((entry) => entry.key === page.pageId);
		expect(stats).toMatchObject({ calls: 20, accepted: 5, rateLimited: 15, peakPerSecond: 5 });
		const usage = JSON.parse(String(refused[0].headers['x-business-use-case-usage']));
		// The per-second limit is not Meta's business use case budget: that one is far from spent.
		expect(usage[page.pageId][0]).toMatchObject({ type: 'messenger', call_count: 0, estimated_time_to_regain_access: 0 });

		await wait(1100);
		expect((await send(h.graph, page.pageToken, textTo(psid, 'later'))).status).toBe(200);
	});

	it('keeps Pages apart: one Page at its limit does not slow another', async () => {
		const busy = await newPage(h.control);
		const quiet = await newPage(h.control);
		await h.control.setRateLimit(2, busy.pageId);
		const busyAnswers = await Promise.all(Array.from({ length: 6 }, () => h.graph.get('/v25.0/me', { params: { access_token: busy.pageToken } })));
		expect(busyAnswers.filter((response) => response.status === 200)).toHaveLength(2);
		const quietAnswers = await Promise.all(Array.from({ length: 6 }, () => h.graph.get('/v25.0/me', { params: { access_token: quiet.pageToken } })));
		expect(quietAnswers.every((response) => response.status === 200)).toBe(true);
	});

	it('limits audio and video sends to 10 per second on top of the Page limit', async () => {
		const page = await newPage(h.control);
		const psid = await activeSubscriber(h.control, page.pageId);
		const media = (type: string) => ({ recipient: { id: psid }, messaging_type: 'RESPONSE', message: { attachment: { type, payload: { url: `https://example.com/a.${type}` } } } });
		const videos = await Promise.all(Array.from({ length: 14 }, (_unused, index) => send(h.graph, page.pageToken, media(index % 2 ? 'video' : 'audio'))));
		expect(videos.filter((response) => response.status === 200)).toHaveLength(10);
		for (const response of videos.filter((answer) => answer.status !== 200)) expectGraphError(response, { code: 613, subcode: 2534040 });
		const images = await Promise.all(Array.from({ length: 5 }, () => send(h.graph, page.pageToken, media('image'))));
		expect(images.every((response) => response.status === 200)).toBe(true);
		const view = await h.control.setMediaRateLimit(2, page.pageId);
		expect(view).toEqual({ perSecond: 300, mediaPerSecond: 2, pageId: page.pageId });
	});

	it('takes the default limit from the options', async () => {
		const small = await startHarness({ rateLimitPerSecond: 3 });
		try {
			const page = await newPage(small.control);
			const answers = await Promise.all(Array.from({ length: 7 }, () => small.graph.get('/me', { params: { access_token: page.pageToken } })));
			expect(answers.filter((response) => response.status === 200)).toHaveLength(3);
		} finally {
			await small.emulator.close();
		}
	});
});

describe('latency', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(() => h.emulator.close());

	it('holds each answer for the fixed latency plus jitter of the Page', async () => {
		const page = await newPage(h.control);
		const settings = await h.control.setLatency({ pageId: page.pageId, fixedMs: 150, jitterMs: 50 });
		expect(settings.pages[page.pageId]).toEqual({ fixedMs: 150, jitterMs: 50 });
		const started = Date.now();
		const response = await h.graph.get('/v25.0/me', { params: { access_token: page.pageToken } });
		expect(response.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(145);
	});

	it('applies global latency to every Page', async () => {
		const page = await newPage(h.control);
		await h.control.setLatency({ fixedMs: 120 });
		const started = Date.now();
		await h.graph.get('/v25.0/me', { params: { access_token: page.pageToken } });
		expect(Date.now() - started).toBeGreaterThanOrEqual(115);
		await h.control.setLatency({ fixedMs: 0 });
	});
});

describe('injected faults', () => {
	let h: Harness;
	let page: TestPage;
	let psid: string;
	beforeAll(async () => {
		h = await startHarness();
	});
	beforeEach(async () => {
		page = await newPage(h.control);
		psid = await activeSubscriber(h.control, page.pageId);
	});
	afterEach(() => h.control.clearFaults());
	afterAll(() => h.emulator.close());

	const delivered = async (): Promise<number> => (await h.control.deliveries({ psid })).length;

	it('HTTP 500 before processing: code 2 body, nothing delivered', async () => {
		await h.control.addFault({ kind: 'http500', phase: 'before', count: 1, pageId: page.pageId });
		const response = await send(h.graph, page.pageToken, textTo(psid));
		expectGraphError(response, { status: 500, code: 2 });
		expect(await delivered()).toBe(0);
	});

	it('HTTP 500 after processing: code 1 body when asked, the subscriber got the message', async () => {
		await h.control.addFault({ kind: 'http500', phase: 'after', count: 1, pageId: page.pageId, errorCode: 1 });
		const response = await send(h.graph, page.pageToken, textTo(psid));
		expectGraphError(response, { status: 500, code: 1 });
		expect(await delivered()).toBe(1);
	});

	it('time-out before processing: held for hangMs, then the connection dies; nothing delivered', async () => {
		await h.control.addFault({ kind: 'timeout', phase: 'before', count: 1, hangMs: 200, pageId: page.pageId });
		const started = Date.now();
		await noAnswer(send(h.graph, page.pageToken, textTo(psid)));
		expect(Date.now() - started).toBeGreaterThanOrEqual(195);
		expect(await delivered()).toBe(0);
	});

	it('time-out after processing: the caller never hears, the subscriber got it', async () => {
		await h.control.addFault({ kind: 'timeout', phase: 'after', count: 1, hangMs: 100, pageId: page.pageId });
		await noAnswer(send(h.graph, page.pageToken, textTo(psid)));
		expect(await delivered()).toBe(1);
	});

	it("a caller's own time-out fires first when it is shorter than the hang", async () => {
		await h.control.addFault({ kind: 'timeout', phase: 'after', count: 1, hangMs: 5_000, pageId: page.pageId });
		const error = await noAnswer(h.graph.post('/v25.0/me/messages', textTo(psid), { params: { access_token: page.pageToken }, timeout: 100 }));
		expect(error.code).toBe('ECONNABORTED');
		expect(await delivered()).toBe(1);
	});

	it('dropped connection before and after processing', async () => {
		await h.control.addFault({ kind: 'drop', phase: 'before', count: 1, pageId: page.pageId });
		await noAnswer(send(h.graph, page.pageToken, textTo(psid, 'dropped before')));
		expect(await delivered()).toBe(0);
		await h.control.addFault({ kind: 'drop', phase: 'after', count: 1, pageId: page.pageId });
		await noAnswer(send(h.graph, page.pageToken, textTo(psid, 'dropped after')));
		expect((await h.control.deliveries({ psid })).map((delivery) => delivery.message.text)).toEqual(['dropped after']);
	});

	it('a lost answer to a one-time token send leaves the token spent: the retry is refused', async () => {
		const issued = await h.control.issueToken(page.pageId, { psid, type: 'one_time', payload: 'SKU', title: 'Back' });
		await h.control.addFault({ kind: 'timeout', phase: 'after', count: 1, hangMs: 50, pageId: page.pageId });
		const body = { recipient: { one_time_notif_token: issued.token }, message: { text: 'back in stock' } };
		await noAnswer(send(h.graph, page.pageToken, body));
		expectGraphError(await send(h.graph, page.pageToken, body), { code: 10, subcode: 2018278 });
		expect(await h.control.deliveries({ token: issued.token })).toHaveLength(1);
	});

	it('a dropped connection on a batch item loses the whole answer, though every item was processed', async () => {
		const second = await activeSubscriber(h.control, page.pageId);
		await send(h.graph, page.pageToken, textTo(psid, 'warm-up'));
		await h.control.addFault({ kind: 'drop', phase: 'after', count: 1, pageId: page.pageId });
		const item = (to: string) => ({ method: 'POST', relative_url: 'me/messages', body: new URLSearchParams({ recipient: JSON.stringify({ id: to }), messaging_type: 'UPDATE', message: JSON.stringify({ text: 'batched' }) }).toString() });
		await noAnswer(h.graph.post('/v25.0/', { access_token: page.pageToken, batch: JSON.stringify([item(psid), item(second)]) }));
		expect((await h.control.deliveries({ pageId: page.pageId })).map((delivery) => [delivery.psid, delivery.message.text])).toEqual([
			[psid, 'warm-up'],
			[psid, 'batched'],
			[second, 'batched'],
		]);
	});

	it('fails exactly the next N matching calls', async () => {
		await h.control.addFault({ kind: 'http500', phase: 'before', count: 2, pageId: page.pageId });
		const statuses: number[] = [];
		for (let index = 0; index < 4; index++) statuses.push((await send(h.graph, page.pageToken, textTo(psid))).status);
		expect(statuses).toEqual([500, 500, 200, 200]);
		expect(await h.control.faults()).toHaveLength(0);
		const stats = (await h.control.stats()).pages.find((entry) => entry.key === page.pageId);
		expect(stats?.faultsInjected).toBe(2);
	});

	it('scope send leaves other Graph calls alone; another Page is not affected', async () => {
		await h.control.addFault({ kind: 'http500', phase: 'before', percent: 100, scope: 'send', pageId: page.pageId });
		expect((await h.graph.get('/v25.0/me', { params: { access_token: page.pageToken } })).status).toBe(200);
		expect((await send(h.graph, page.pageToken, textTo(psid))).status).toBe(500);
		const other = await newPage(h.control);
		const otherPsid = await activeSubscriber(h.control, other.pageId);
		expect((await send(h.graph, other.pageToken, textTo(otherPsid))).status).toBe(200);
	});

	it('replays the same percentage pattern for the same seed', async () => {
		const pattern = async (): Promise<number[]> => {
			await h.control.clearFaults();
			await h.control.setSeed(42);
			await h.control.addFault({ kind: 'http500', phase: 'before', percent: 50, pageId: page.pageId });
			const statuses: number[] = [];
			for (let index = 0; index < 30; index++) statuses.push((await h.graph.get('/me', { params: { access_token: page.pageToken } })).status);
			return statuses;
		};
		const first = await pattern();
		expect(first).toContain(200);
		expect(first).toContain(500);
		expect(await pattern()).toEqual(first);
	});

	it('refuses an invalid fault rule', async () => {
		await expect(h.control.addFault({ kind: 'http500', phase: 'before' })).rejects.toMatchObject({ response: { status: 400 } });
		await expect(h.control.addFault({ kind: 'http500', phase: 'during' as 'before', count: 1 })).rejects.toMatchObject({ response: { status: 400 } });
	});
});
