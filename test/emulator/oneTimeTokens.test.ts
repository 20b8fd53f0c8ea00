import { DAY, expectGraphError, HOUR, newPage, send, startHarness, templateTo, type Harness, type TestPage } from './helpers';

describe('one-time notification tokens', () => {
	let h: Harness;
	let page: TestPage;
	beforeAll(async () => {
		h = await startHarness();
		page = await newPage(h.control);
	});
	afterAll(() => h.emulator.close());

	async function optedIn(): Promise<{ psid: string; token: string }> {
		const { psid } = await h.control.createSubscriber(page.pageId);
		const issued = await h.control.issueToken(page.pageId, { psid, type: 'one_time', payload: 'SKU123', title: 'Back in stock' });
		return { psid, token: issued.token };
	}

	const tokenSend = (token: string, text = 'It is back!'): Record<string, unknown> => ({ recipient: { one_time_notif_token: token }, message: { text } });

	it('delivers once outside any window, without messaging_type, then refuses the same token', async () => {
		const { psid, token } = await optedIn();
		await h.control.advanceClock(30 * DAY);
		const first = await send(h.graph, page.pageToken, tokenSend(token));
		expect(first.status).toBe(200);
		expect(first.data).toEqual({ message_id: expect.stringMatching(/^m_/) });

		const second = await send(h.graph, page.pageToken, tokenSend(token, 'again'));
		expectGraphError(second, { code: 10, subcode: 2018278, message: '(#10) This message is sent outside of allowed window.' });

		const received = await h.control.deliveries({ token });
		expect(received).toHaveLength(1);
		expect(received[0]).toMatchObject({ psid, via: 'one_time_notif_token', token, messageId: first.data.message_id });
		const [view] = (await h.control.tokens(page.pageId)).filter((record) => record.token === token);
		expect(view).toMatchObject({ status: 'used', messageId: first.data.message_id });
	});

	it('answers a spent and an expired token with the very same outside-window error, an unknown token with no matching user', async () => {
		const spent = await optedIn();
		await send(h.graph, page.pageToken, tokenSend(spent.token));
		const expired = await optedIn();
		await h.control.advanceClock(365 * DAY);
		const bodies = await Promise.all([spent.token, expired.token].map((token) => send(h.graph, page.pageToken, tokenSend(token))));
		for (const response of bodies) expectGraphError(response, { code: 10, subcode: 2018278, message: '(#10) This message is sent outside of allowed window.' });
		expectGraphError(await send(h.graph, page.pageToken, tokenSend('never-issued')), { code: 100, subcode: 2018001, message: '(#100) No matching user found' });
		expect(await h.control.deliveries({ token: expired.token })).toHaveLength(0);
	});

	it('is still valid just under a year after opt-in', async () => {
		const { token } = await optedIn();
		await h.control.advanceClock(365 * DAY - HOUR);
		expect((await send(h.graph, page.pageToken, tokenSend(token))).status).toBe(200);
	});

	it('refuses a recipient carrying the token and an id', async () => {
		const { psid, token } = await optedIn();
		const response = await send(h.graph, page.pageToken, { recipient: { id: psid, one_time_notif_token: token }, message: { text: 'x' } });
		expectGraphError(response, { code: 100, message: /recipient/ });
		expect((await send(h.graph, page.pageToken, tokenSend(token))).status).toBe(200);
	});

	it("refuses another Page's token", async () => {
		const { token } = await optedIn();
		const other = await newPage(h.control);
		expectGraphError(await send(h.graph, other.pageToken, tokenSend(token)), { code: 100, subcode: 2018001 });
		expect(await h.control.deliveries({ token })).toHaveLength(0);
	});

	it('delivers exactly once when the same token is sent many times at once', async () => {
		const { token } = await optedIn();
		const answers = await Promise.all(Array.from({ length: 10 }, () => send(h.graph, page.pageToken, tokenSend(token))));
		expect(answers.filter((response) => response.status === 200)).toHaveLength(1);
		expect(await h.control.deliveries({ token })).toHaveLength(1);
	});

	it('records a one_time_notif_req request as the last opt-in request, and queues the opt-in event', async () => {
		const { psid } = await h.control.createSubscriber(page.pageId);
		await h.control.sendsMessage(page.pageId, psid);
		const request = await send(h.graph, page.pageToken, templateTo(psid, { template_type: 'one_time_notif_req', title: 'Tell me when SKU1 is back', payload: 'SKU1' }));
		expect(request.status).toBe(200);
		const subscriber = await h.control.subscriber(page.pageId, psid);
		expect(subscriber.lastOptInRequest).toMatchObject({ templateType: 'one_time_notif_req', title: 'Tell me when SKU1 is back', payload: 'SKU1', messageId: request.data.message_id });

		const issued = await h.control.issueToken(page.pageId, { psid, type: 'one_time', payload: 'SKU1', title: 'Tell me when SKU1 is back' });
		const events = await h.control.events({ pageId: page.pageId });
		const optin = events.find((event) => event.kind === 'optin' && event.psid === psid);
		expect(optin?.messaging).toEqual({
			sender: { id: psid },
			recipient: { id: page.pageId },
			timestamp: issued.createdAt,
			optin: { type: 'one_time_notif_req', payload: 'SKU1', one_time_notif_token: issued.token },
		});
	});

	it('refuses an opt-in request sent with a token instead of a PSID', async () => {
		const { token } = await optedIn();
		const response = await send(h.graph, page.pageToken, {
			recipient: { one_time_notif_token: token },
			message: { attachment: { type: 'template', payload: { template_type: 'one_time_notif_req', title: 'More?', payload: 'X' } } },
		});
		expectGraphError(response, { code: 100 });
		expect(await h.control.deliveries({ token })).toHaveLength(0);
	});

	it('opting in does not open the 24-hour window', async () => {
		const { psid } = await optedIn();
		const response = await send(h.graph, page.pageToken, { recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text: 'thanks' } });
		expectGraphError(response, { code: 10, subcode: 2018278 });
	});
});
