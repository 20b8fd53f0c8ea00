import { expectGraphError, newPage, send, startHarness, type Body, type Harness, type TestPage } from './helpers';

/** Template validation and structure limits: each case sits just inside or just outside a limit. */

const chars = (count: number): string => 'x'.repeat(count);
const template = (payload: Body): Body => ({ attachment: { type: 'template', payload } });
const postback = (title = 'Yes', payload = 'YES'): Body => ({ type: 'postback', title, payload });
const buttonTemplate = (buttons: unknown[], text = 'Pick one'): Body => template({ template_type: 'button', text, buttons });
const element = (extra: Body = {}): Body => ({ title: 'Item', ...extra });
const generic = (elements: unknown[]): Body => template({ template_type: 'generic', elements });
const oneTimeRequest = (extra: Body): Body => template({ template_type: 'one_time_notif_req', ...extra });
const marketingRequest = (extra: Body): Body => template({ template_type: 'notification_messages', payload: 'P', ...extra });
const quickReplies = (count: number, reply: Body = { content_type: 'text', title: 'Red', payload: 'RED' }): Body => ({
	text: 'Colour?',
	quick_replies: Array.from({ length: count }, () => reply),
});

const accepted: [string, Body][] = [
	['text of 1999 characters', { text: chars(1999) }],
	['one_time_notif_req title of 65 characters', oneTimeRequest({ title: chars(65), payload: 'P' })],
	['one_time_notif_req payload of 1000 characters', oneTimeRequest({ title: 'T', payload: chars(1000) })],
	['notification_messages without title', marketingRequest({})],
	['notification_messages with every option', marketingRequest({ title: chars(65), notification_messages_cta_text: 'SIGN_UP', notification_messages_timezone: 'America/New_York', image_url: 'https://example.com/a.png', image_aspect_ratio: 'SQUARE' })],
	['button template with text of 640 and 3 buttons', buttonTemplate([postback(), postback(), { type: 'web_url', url: 'https://example.com', title: 'Open' }], chars(640))],
	['postback title of 20 and payload of 1000', buttonTemplate([postback(chars(20), chars(1000))])],
	['generic template with 10 elements of title and subtitle 80', generic(Array.from({ length: 10 }, () => element({ title: chars(80), subtitle: chars(80), buttons: [postback(), postback(), postback()] })))],
	['13 quick replies, title 20, payload 1000', quickReplies(13, { content_type: 'text', title: chars(20), payload: chars(1000) })],
	['an image by url', { attachment: { type: 'image', payload: { url: 'https://example.com/a.png' } } }],
	['a file by url with quick replies', { attachment: { type: 'file', payload: { url: 'https://example.com/a.pdf' } }, quick_replies: [{ content_type: 'user_email' }] }],
];

const refused: [string, Body, RegExp][] = [
	['text of 2000 characters', { text: chars(2000) }, /message\[text\]/],
	['empty text', { text: '' }, /message\[text\]/],
	['text and attachment together', { text: 'a', attachment: { type: 'image', payload: { url: 'https://example.com/a.png' } } }, /exactly one of text or attachment/],
	['one_time_notif_req title of 66 characters', oneTimeRequest({ title: chars(66), payload: 'P' }), /\[title\]/],
	['one_time_notif_req without title', oneTimeRequest({ payload: 'P' }), /\[title\]/],
	['one_time_notif_req without payload', oneTimeRequest({ title: 'T' }), /\[payload\]/],
	['notification_messages title of 66 characters', marketingRequest({ title: chars(66) }), /\[title\]/],
	['notification_messages without payload', template({ template_type: 'notification_messages', title: 'T' }), /\[payload\]/],
	['notification_messages with an unknown CTA text', marketingRequest({ notification_messages_cta_text: 'SUBSCRIBE' }), /cta_text/],
	['notification_messages with an unknown timezone', marketingRequest({ notification_messages_timezone: 'Mars/Olympus' }), /timezone/],
	['notification_messages with an aspect ratio outside the enum', marketingRequest({ image_aspect_ratio: 'VERTICAL' }), /image_aspect_ratio/],
	['notification_messages with a non-URL image', marketingRequest({ image_url: 'picture.png' }), /image_url/],
	['notification_messages with the removed frequency', marketingRequest({ notification_messages_frequency: 'DAILY' }), /frequency/],
	['button template text of 641', buttonTemplate([postback()], chars(641)), /\[text\]/],
	['button template with no buttons', buttonTemplate([]), /\[buttons\]/],
	['button template with 4 buttons', buttonTemplate([postback(), postback(), postback(), postback()]), /\[buttons\]/],
	['postback title of 21', buttonTemplate([postback(chars(21))]), /\[title\]/],
	['postback payload of 1001', buttonTemplate([postback('Yes', chars(1001))]), /\[payload\]/],
	['web_url button without url', buttonTemplate([{ type: 'web_url', title: 'Open' }]), /\[url\]/],
	['generic template with 11 elements', generic(Array.from({ length: 11 }, () => element())), /\[elements\]/],
	['generic element title of 81', generic([element({ title: chars(81) })]), /\[title\]/],
	['generic element subtitle of 81', generic([element({ subtitle: chars(81) })]), /\[subtitle\]/],
	['generic element with 4 buttons', generic([element({ buttons: [postback(), postback(), postback(), postback()] })]), /\[buttons\]/],
	['an unknown template type', template({ template_type: 'receipt' }), /template_type/],
	['14 quick replies', quickReplies(14), /quick_replies/],
	['quick reply title of 21', quickReplies(1, { content_type: 'text', title: chars(21), payload: 'P' }), /\[title\]/],
	['quick reply payload of 1001', quickReplies(1, { content_type: 'text', title: 'Red', payload: chars(1001) }), /\[payload\]/],
	['an image without url', { attachment: { type: 'image', payload: {} } }, /\[url\]/],
	['an attachment of an unknown type', { attachment: { type: 'sticker', payload: { url: 'https://example.com/a.png' } } }, /\[type\]/],
	['metadata of 1000 characters', { text: 'hi', metadata: chars(1000) }, /metadata/],
];

describe('message validation', () => {
	let h: Harness;
	let page: TestPage;
	beforeAll(async () => {
		h = await startHarness();
		page = await newPage(h.control);
	});
	afterAll(() => h.emulator.close());

	async function sendToActive(message: Body) {
		const { psid } = await h.control.createSubscriber(page.pageId);
		await h.control.sendsMessage(page.pageId, psid);
		const response = await send(h.graph, page.pageToken, { recipient: { id: psid }, messaging_type: 'RESPONSE', message });
		return { response, deliveries: await h.control.deliveries({ psid }) };
	}

	it.each(accepted)('accepts %s', async (_name, message) => {
		const { response, deliveries } = await sendToActive(message);
		expect(response.status).toBe(200);
		expect(deliveries).toHaveLength(1);
		expect(deliveries[0].message).toEqual(message);
	});

	it.each(refused)('refuses %s with 100 and delivers nothing', async (_name, message, detail) => {
		const { response, deliveries } = await sendToActive(message);
		expectGraphError(response, { code: 100, type: 'OAuthException', message: detail });
		expect(response.data.error.message.startsWith('(#100) ')).toBe(true);
		expect(deliveries).toHaveLength(0);
	});

	it('refuses a send without recipient or without message', async () => {
		expectGraphError(await send(h.graph, page.pageToken, { messaging_type: 'RESPONSE', message: { text: 'x' } }), { code: 100, message: /recipient/ });
		expectGraphError(await send(h.graph, page.pageToken, { recipient: { id: '1' }, messaging_type: 'RESPONSE' }), { code: 100, message: /message/ });
	});

	it('refuses a body that is not valid JSON', async () => {
		const response = await h.graph.post('/v25.0/me/messages', '{"recipient":', {
			params: { access_token: page.pageToken },
			headers: { 'Content-Type': 'application/json' },
			transformRequest: [(data: unknown) => data],
		});
		expectGraphError(response, { code: 100 });
	});
});
