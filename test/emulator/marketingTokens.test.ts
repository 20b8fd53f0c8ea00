import { DAY, expectGraphError, HOUR, newPage, send, startHarness, templateTo, type Harness, type TestPage } from './helpers';

describe('marketing message tokens (notification_messages_token)', () => {
	let h: Harness;
	let page: TestPage;
	beforeAll(async () => {
		h = await startHarness();
		page = await newPage(h.control);
	});
	afterAll(() => h.emulator.close());

	async function optedIn(title = 'Weekly deals'): Promise<{ psid: string; token: string }> {
		const { psid } = await h.control.createSubscriber(page.pageId);
		const issued = await h.control.issueToken(page.pageId, { psid, type: 'marketing', payload: 'DEALS', title, timezone: 'Europe/Paris' });
		return { psid, token: issued.token };
	}

	const tokenSend = (token: string, text = 'Deal of the day'): Record<string, unknown> => ({ recipient: { notification_messages_token: token }, message: { text } });

	it('is reusable only after the 48-hour cool-down', async () => {
		const { token } = await optedIn();
		const first = await send(h.graph, page.pageToken, tokenSend(token));
		expect(first.status).toBe(200);
		expect(first.data).toEqual({ message_id: expect.stringMatching(/^m_/) });

		await h.control.advanceClock(47 * HOUR);
		expectGraphError(await send(h.graph, page.pageToken, tokenSend(token)), { code: 4, subcode: 2018354 });
		const [cooling] = (await h.control.tokens(page.pageId)).filter((record) => record.token === token);
		expect(cooling.status).toBe('cooling_down');

		await h.control.advanceClock(HOUR);
		expect((await send(h.graph, page.pageToken, tokenSend(token))).status).toBe(200);
		const received = await h.control.deliveries({ token });
		expect(received.map((delivery) => delivery.via)).toEqual(['notification_messages_token', 'notification_messages_token']);
	});

	it('takes its cool-down from the settings', async () => {
		await h.control.setSettings({ marketingCooldownMs: HOUR });
		try {
			const { token } = await optedIn();
			expect((await send(h.graph, page.pageToken, tokenSend(token))).status).toBe(200);
			expectGraphError(await send(h.graph, page.pageToken, tokenSend(token)), { code: 4, subcode: 2018354 });
			await h.control.advanceClock(HOUR);
			expect((await send(h.graph, page.pageToken, tokenSend(token))).status).toBe(200);
		} finally {
			await h.control.setSettings({ marketingCooldownMs: 48 * HOUR });
		}
	});

	it('refuses a stopped topic with 10/1893015 and delivers again after resume', async () => {
		const { psid, token } = await optedIn('Flash sales');
		const stopped = await h.control.stopMarketing(page.pageId, { psid, title: 'Flash sales' });
		expect(stopped.map((record) => record.status)).toEqual(['stopped']);
		const refused = await send(h.graph, page.pageToken, tokenSend(token));
		expectGraphError(refused, { code: 10, subcode: 1893015, message: '(#10) This user has currently stopped notification messages for this topic' });

		await h.control.resumeMarketing(page.pageId, { token });
		expect((await send(h.graph, page.pageToken, tokenSend(token))).status).toBe(200);
		const kinds = (await h.control.events({ pageId: page.pageId })).filter((event) => event.psid === psid).map((event) => event.kind);
		expect(kinds).toEqual(['optin', 'marketing_stop', 'marketing_resume']);
	});

	it('refuses an unknown token, or a one-time token sent as a marketing token, with 100', async () => {
		expectGraphError(await send(h.graph, page.pageToken, tokenSend('12345')), { code: 100, message: '(#100) notification_messages_token is invalid' });
		const { psid } = await h.control.createSubscriber(page.pageId);
		const oneTime = await h.control.issueToken(page.pageId, { psid, type: 'one_time', payload: 'X', title: 'X' });
		expectGraphError(await send(h.graph, page.pageToken, tokenSend(oneTime.token)), { code: 100, message: /notification_messages_token is invalid/ });
	});

	it('refuses the same notification_messages title to one subscriber within a week (613/1893016)', async () => {
		const { psid } = await h.control.createSubscriber(page.pageId);
		await h.control.sendsMessage(page.pageId, psid);
		const request = { template_type: 'notification_messages', title: 'Restock alerts', payload: 'RESTOCK', notification_messages_cta_text: 'GET_UPDATES' };
		expect((await send(h.graph, page.pageToken, templateTo(psid, request))).status).toBe(200);
		expectGraphError(await send(h.graph, page.pageToken, templateTo(psid, request)), { code: 613, subcode: 1893016 });
		const otherTitle = await send(h.graph, page.pageToken, templateTo(psid, { ...request, title: 'Price drops' }));
		expect(otherTitle.status).toBe(200);
		const subscriber = await h.control.subscriber(page.pageId, psid);
		expect(subscriber.lastOptInRequest).toMatchObject({ templateType: 'notification_messages', title: 'Price drops', payload: 'RESTOCK', ctaText: 'GET_UPDATES', timezone: 'UTC' });

		await h.control.advanceClock(7 * DAY);
		await h.control.sendsMessage(page.pageId, psid);
		expect((await send(h.graph, page.pageToken, templateTo(psid, request))).status).toBe(200);
	});

	it('applies the weekly rule to the default title too', async () => {
		const { psid } = await h.control.createSubscriber(page.pageId);
		await h.control.sendsMessage(page.pageId, psid);
		const untitled = { template_type: 'notification_messages', payload: 'ANY' };
		expect((await send(h.graph, page.pageToken, templateTo(psid, untitled))).status).toBe(200);
		expect((await h.control.subscriber(page.pageId, psid)).lastOptInRequest?.title).toBe('Updates and promotions');
		const explicitDefault = { ...untitled, title: 'Updates and promotions' };
		expectGraphError(await send(h.graph, page.pageToken, templateTo(psid, explicitDefault)), { code: 613, subcode: 1893016 });
	});
});

describe('GET /{page-id}/notification_message_tokens', () => {
	let h: Harness;
	let page: TestPage;
	const issued: string[] = [];
	beforeAll(async () => {
		h = await startHarness();
		page = await newPage(h.control);
		for (let index = 0; index < 5; index++) {
			const { psid } = await h.control.createSubscriber(page.pageId);
			issued.push((await h.control.issueToken(page.pageId, { psid, type: 'marketing', payload: 'P', title: `Topic ${index}`, timezone: 'Asia/Tokyo' })).token);
		}
		const { psid } = await h.control.createSubscriber(page.pageId);
		await h.control.issueToken(page.pageId, { psid, type: 'one_time', payload: 'P', title: 'not listed' });
	});
	afterAll(() => h.emulator.close());

	const list = (params: Record<string, unknown>) => h.graph.get(`/v25.0/${page.pageId}/notification_message_tokens`, { params: { access_token: page.pageToken, ...params } });

	it('lists marketing tokens only, with the documented fields', async () => {
		const response = await list({});
		expect(response.status).toBe(200);
		expect(response.data.data.map((item: { notification_messages_token: string }) => item.notification_messages_token)).toEqual(issued);
		const [first] = response.data.data;
		expect(Object.keys(first).sort()).toEqual(
			['creation_timestamp', 'next_eligible_time', 'notification_messages_timezone', 'notification_messages_token', 'recipient_id', 'topic_title', 'user_token_status'].sort(),
		);
		expect(first).toMatchObject({ topic_title: 'Topic 0', notification_messages_timezone: 'Asia/Tokyo', user_token_status: 'NOT_REFRESHED' });
		expect(response.data.paging.next).toBeUndefined();
	});

	it('pages with limit and the after cursor, following paging.next', async () => {
		const seen: string[] = [];
		let response = await list({ limit: 2 });
		for (;;) {
			expect(response.status).toBe(200);
			seen.push(...response.data.data.map((item: { notification_messages_token: string }) => item.notification_messages_token));
			const next: string | undefined = response.data.paging?.next;
			if (!next) break;
			expect(next.startsWith(`${h.emulator.url}/v25.0/${page.pageId}/notification_message_tokens?`)).toBe(true);
			response = await h.graph.get(next);
		}
		expect(seen).toEqual(issued);
	});

	it('honours fields, refuses limit above 1000 and leaves stopped tokens out', async () => {
		const ids = await list({ fields: 'notification_messages_token,next_eligible_time' });
		expect(Object.keys(ids.data.data[0]).sort()).toEqual(['next_eligible_time', 'notification_messages_token']);
		expectGraphError(await list({ limit: 1001 }), { code: 100, message: /limit/ });
		expect((await list({ limit: 1000 })).status).toBe(200);
		await h.control.stopMarketing(page.pageId, { token: issued[0] });
		const afterStop = await list({});
		expect(afterStop.data.data).toHaveLength(4);
		await h.control.resumeMarketing(page.pageId, { token: issued[0] });
	});

	it("refuses another Page's token", async () => {
		const other = await newPage(h.control);
		const response = await h.graph.get(`/v25.0/${page.pageId}/notification_message_tokens`, { params: { access_token: other.pageToken } });
		expectGraphError(response, { code: 200 });
	});
});
