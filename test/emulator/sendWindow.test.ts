import { DAY, expectGraphError, HOUR, newPage, send, startHarness, textTo, type Harness, type TestPage } from './helpers';

describe('Send API to a PSID: windows, messaging types and tags', () => {
	let h: Harness;
	let page: TestPage;
	beforeAll(async () => {
		h = await startHarness();
		page = await newPage(h.control);
	});
	afterAll(() => h.emulator.close());

	async function subscriber(): Promise<string> {
		return (await h.control.createSubscriber(page.pageId)).psid;
	}

	it('delivers inside 24 hours of the last message and refuses after, by the emulator clock', async () => {
		const psid = await subscriber();
		await h.control.sendsMessage(page.pageId, psid, 'hello');
		const inside = await send(h.graph, page.pageToken, textTo(psid, 'inside'));
		expect(inside.status).toBe(200);
		expect(inside.data).toEqual({ recipient_id: psid, message_id: expect.stringMatching(/^m_/) });

		await h.control.advanceClock(24 * HOUR);
		const outside = await send(h.graph, page.pageToken, textTo(psid, 'outside'));
		expectGraphError(outside, { code: 10, subcode: 2018278, message: '(#10) This message is sent outside of allowed window.' });

		const received = await h.control.deliveries({ psid });
		expect(received.map((delivery) => delivery.message.text)).toEqual(['inside']);
		expect(received[0]).toMatchObject({ pageId: page.pageId, via: 'psid', messageId: inside.data.message_id, messagingType: 'RESPONSE' });
	});

	it('refuses a subscriber who never wrote (window never opened)', async () => {
		const psid = await subscriber();
		expectGraphError(await send(h.graph, page.pageToken, textTo(psid)), { code: 10, subcode: 2018278 });
	});

	it('opens the window on a postback and on a quick reply too', async () => {
		const postback = await subscriber();
		await h.control.tapsPostback(page.pageId, postback, 'OTN_REQ:SKU1', 'Notify me');
		expect((await send(h.graph, page.pageToken, textTo(postback))).status).toBe(200);
		const quickReply = await subscriber();
		await h.control.tapsQuickReply(page.pageId, quickReply, 'GREEN', 'Green');
		expect((await send(h.graph, page.pageToken, textTo(quickReply))).status).toBe(200);
	});

	it('refuses an unknown PSID with 100/2018001', async () => {
		const response = await send(h.graph, page.pageToken, textTo('1234567890123456'));
		expectGraphError(response, { code: 100, subcode: 2018001, message: '(#100) No matching user found' });
	});

	it('requires messaging_type for PSID messages and checks its value', async () => {
		const psid = await subscriber();
		await h.control.sendsMessage(page.pageId, psid);
		const missing = await send(h.graph, page.pageToken, { recipient: { id: psid }, message: { text: 'x' } });
		expectGraphError(missing, { code: 100, message: /messaging_type/ });
		const wrong = await send(h.graph, page.pageToken, textTo(psid, 'x', { messaging_type: 'PROMO' }));
		expectGraphError(wrong, { code: 100, message: /messaging_type/ });
		const update = await send(h.graph, page.pageToken, textTo(psid, 'x', { messaging_type: 'UPDATE' }));
		expect(update.status).toBe(200);
	});

	it.each(['ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE'])('refuses the retired tag %s with 100', async (tag) => {
		const psid = await subscriber();
		await h.control.sendsMessage(page.pageId, psid);
		const response = await send(h.graph, page.pageToken, textTo(psid, 'x', { messaging_type: 'MESSAGE_TAG', tag }));
		expectGraphError(response, { code: 100, message: new RegExp(tag) });
		expect(await h.control.deliveries({ psid })).toHaveLength(0);
	});

	it('requires a known tag with MESSAGE_TAG and no tag without it', async () => {
		const psid = await subscriber();
		await h.control.sendsMessage(page.pageId, psid);
		expectGraphError(await send(h.graph, page.pageToken, textTo(psid, 'x', { messaging_type: 'MESSAGE_TAG' })), { code: 100, message: /tag/ });
		expectGraphError(await send(h.graph, page.pageToken, textTo(psid, 'x', { messaging_type: 'MESSAGE_TAG', tag: 'PROMO' })), { code: 100 });
		expectGraphError(await send(h.graph, page.pageToken, textTo(psid, 'x', { tag: 'HUMAN_AGENT' })), { code: 100, message: /tag/ });
	});

	it('lets HUMAN_AGENT reply up to 7 days after the last message, not later', async () => {
		const psid = await subscriber();
		await h.control.sendsMessage(page.pageId, psid);
		await h.control.advanceClock(3 * DAY);
		const humanAgent = textTo(psid, 'agent', { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
		expectGraphError(await send(h.graph, page.pageToken, textTo(psid)), { code: 10, subcode: 2018278 });
		expect((await send(h.graph, page.pageToken, humanAgent)).status).toBe(200);
		await h.control.advanceClock(4 * DAY);
		expectGraphError(await send(h.graph, page.pageToken, humanAgent), { code: 10, subcode: 2018278 });
		const [delivery] = await h.control.deliveries({ psid });
		expect(delivery).toMatchObject({ messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
	});

	it('gives CUSTOMER_FEEDBACK only the standard 24-hour window', async () => {
		const psid = await subscriber();
		await h.control.sendsMessage(page.pageId, psid);
		const feedback = textTo(psid, 'how did we do?', { messaging_type: 'MESSAGE_TAG', tag: 'CUSTOMER_FEEDBACK' });
		expect((await send(h.graph, page.pageToken, feedback)).status).toBe(200);
		await h.control.advanceClock(25 * HOUR);
		expectGraphError(await send(h.graph, page.pageToken, feedback), { code: 10, subcode: 2018278 });
	});

	it('accepts form-encoded bodies with recipient and message as JSON strings', async () => {
		const psid = await subscriber();
		await h.control.sendsMessage(page.pageId, psid);
		const form = new URLSearchParams({
			access_token: page.pageToken,
			recipient: JSON.stringify({ id: psid }),
			messaging_type: 'RESPONSE',
			message: JSON.stringify({ text: 'from a form' }),
		});
		const response = await h.graph.post('/v25.0/me/messages', form.toString(), { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
		expect(response.status).toBe(200);
		const [delivery] = await h.control.deliveries({ psid });
		expect(delivery.message).toEqual({ text: 'from a form' });
	});

	it('answers a sender action without recording a delivery', async () => {
		const psid = await subscriber();
		await h.control.sendsMessage(page.pageId, psid);
		const response = await send(h.graph, page.pageToken, { recipient: { id: psid }, sender_action: 'typing_on' });
		expect(response.data).toEqual({ recipient_id: psid });
		expect(await h.control.deliveries({ psid })).toHaveLength(0);
	});
});
