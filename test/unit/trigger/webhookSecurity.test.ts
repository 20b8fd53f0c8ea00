import { MessengerOtnTrigger } from '../../../nodes/MessengerOtnTrigger/MessengerOtnTrigger.node';
import { signBody } from '../../../emulator/webhooks/signedBody';
import { expectedVerifyToken } from '../../../nodes/shared/webhook/verifyToken';
import { envelope, EVENTS } from '../../fixtures/messengerWebhooks';
import { APP_SECRET, fakeWebhookContext, signedPost } from './fakeWebhookContext';

const trigger = new MessengerOtnTrigger();
const run = (context: ReturnType<typeof fakeWebhookContext>['context']) => trigger.webhook.call(context);
const body = envelope([EVENTS.otnOptin]);

describe('Messenger OTN Trigger: the handshake', () => {
	const handshake = (query: Record<string, string | undefined>, extra = {}) =>
		fakeWebhookContext({ webhookName: 'setup', query, ...extra });

	it('echoes the challenge as plain text when the verify token matches', async () => {
		const token = expectedVerifyToken('', APP_SECRET, 'webhook-1');
		const { context, response } = handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': '1158201444' });
		expect(await run(context)).toEqual({ noWebhookResponse: true });
		expect(response).toEqual({ statusCode: 200, body: '1158201444', contentType: 'text/plain' });
	});

	it('refuses a wrong token, a wrong mode and a missing challenge with 403', async () => {
		const token = expectedVerifyToken('', APP_SECRET, 'webhook-1');
		for (const query of [
			{ 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' },
			{ 'hub.mode': 'unsubscribe', 'hub.verify_token': token, 'hub.challenge': '1' },
			{ 'hub.mode': 'subscribe', 'hub.verify_token': token },
		]) {
			const { context, response } = handshake(query);
			expect(await run(context)).toEqual({ noWebhookResponse: true });
			expect(response.statusCode).toBe(403);
		}
	});

	it('derives a different token for every node and install, and never the webhook id itself', () => {
		const a = expectedVerifyToken('', APP_SECRET, 'webhook-1');
		expect(a).not.toBe(expectedVerifyToken('', APP_SECRET, 'webhook-2'));
		expect(a).not.toBe(expectedVerifyToken('', 'another-secret', 'webhook-1'));
		expect(a).not.toContain('webhook-1');
	});

	it('uses the Verify Token the user set', async () => {
		const { context, response } = handshake(
			{ 'hub.mode': 'subscribe', 'hub.verify_token': 'my-own-token', 'hub.challenge': '42' },
			{ parameters: { verifyToken: 'my-own-token' } },
		);
		await run(context);
		expect(response).toMatchObject({ statusCode: 200, body: '42' });
	});
});

describe('Messenger OTN Trigger: signatures', () => {
	it('starts the workflow for a correctly signed body', async () => {
		const { context } = signedPost(body);
		const result = await run(context);
		expect(result.workflowData?.[0]).toHaveLength(1);
	});

	it('checks a 1 MB body over its exact bytes', async () => {
		const big = envelope([{ ...EVENTS.message, message: { mid: 'm_big', text: 'é'.repeat(500_000) } }]);
		const { context } = signedPost(big, { parameters: { events: ['message'] } });
		const result = await run(context);
		expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(1_000_000);
		expect(result.workflowData?.[0][0].json.text).toHaveLength(500_000);
	});

	const refused: Array<[string, () => ReturnType<typeof fakeWebhookContext>, string]> = [
		[
			'a body tampered with after signing',
			() => {
				const signed = Buffer.from(JSON.stringify(body));
				const tampered = Buffer.from(JSON.stringify(body).replace('deals', 'steal'));
				return fakeWebhookContext({ rawBody: tampered, headers: { 'x-hub-signature-256': signBody(signed.toString(), APP_SECRET) } });
			},
			'mismatch',
		],
		['the right signature made with the wrong secret', () => signedPost(body, {}, 'not-the-app-secret'), 'mismatch'],
		[
			'the old SHA-1 prefix',
			() => {
				const rawBody = Buffer.from(JSON.stringify(body));
				return fakeWebhookContext({ rawBody, headers: { 'x-hub-signature-256': signBody(rawBody.toString(), APP_SECRET).replace('sha256=', 'sha1=') } });
			},
			'malformed',
		],
		[
			'a signature of the wrong length',
			() => {
				const rawBody = Buffer.from(JSON.stringify(body));
				return fakeWebhookContext({ rawBody, headers: { 'x-hub-signature-256': signBody(rawBody.toString(), APP_SECRET).slice(0, 40) } });
			},
			'malformed',
		],
		['no signature at all', () => fakeWebhookContext({ rawBody: Buffer.from(JSON.stringify(body)) }), 'missing'],
	];

	it.each(refused)('answers 401 and starts nothing for %s, warning without any secret', async (_name, build, reason) => {
		const { context, response, warnings } = build();
		expect(await run(context)).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(401);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain(reason);
		expect(warnings[0]).toContain('App Secret');
		expect(warnings[0]).not.toContain(APP_SECRET);
	});

	it('refuses everything when the credential has no App secret: the check cannot be switched off', async () => {
		const { context, response } = signedPost(body, { credentials: { appSecret: '' } }, '');
		await run(context);
		expect(response.statusCode).toBe(401);
	});
});

describe('Messenger OTN Trigger: bad input', () => {
	it.each([
		['a body that is not JSON', 'this is not json', 'not JSON'],
		['another object than page', { object: 'instagram', entry: [] }, '"instagram", not "page"'],
		['no entry list', { object: 'page' }, 'no entry list'],
	])('refuses %s with 400 and starts nothing', async (_name, payload, reason) => {
		const { context, response } = signedPost(payload);
		expect(await run(context)).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(400);
		expect(response.body).toContain(reason);
	});

	it('answers 200 and starts nothing for an empty batch or events of no interest', async () => {
		expect(await run(signedPost({ object: 'page', entry: [] }).context)).toEqual({});
		expect(await run(signedPost(envelope([EVENTS.read, { ...EVENTS.message, message: { is_echo: true, mid: 'x' } }])).context)).toEqual({});
	});

	it('reports one malformed event on its own item and keeps the valid ones beside it', async () => {
		const broken = { ...EVENTS.otnOptin, optin: { type: 'one_time_notif_req', payload: 'deals' } };
		const { context } = signedPost(envelope([EVENTS.otnOptin, broken, { ...EVENTS.otnOptin, timestamp: TIME_PLUS_ONE }]));
		const items = (await run(context)).workflowData![0].map((item) => item.json);
		expect(items.map((item) => item.type)).toEqual(['otn_optin', 'invalid', 'otn_optin']);
		expect(items[1]).toMatchObject({ intendedType: 'otn_optin', error: expect.stringContaining('no one_time_notif_token') });
	});
});

const TIME_PLUS_ONE = 1458692752479;
