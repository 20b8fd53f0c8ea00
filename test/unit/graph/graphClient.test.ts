import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { createGraphClient, MAX_BATCH_SIZE } from '../../../nodes/shared/graph/graphClient';
import { META_ERRORS } from '../../fixtures/metaErrorBodies';

type Responder = (request: IHttpRequestOptions) => unknown;

function fakeContext(respond: Responder) {
	const requests: IHttpRequestOptions[] = [];
	const context = {
		getCredentials: async () => ({
			accessToken: 'PAGE-TOKEN-SECRET',
			appSecret: 'APP-SECRET-VALUE',
			graphApiVersion: 'v25.0',
			graphHost: 'http://graph.test/',
		}),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => {
				requests.push(request);
				return respond(request);
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, requests };
}

const ok = (body: unknown) => ({ statusCode: 200, body });

describe('the Graph client', () => {
	it('sends one message to /me/messages under the configured host and version', async () => {
		const { context, requests } = fakeContext(() => ok({ recipient_id: '42', message_id: 'm_1' }));
		const client = await createGraphClient(context);
		const outcome = await client.sendMessage({ recipient: { id: '42' }, message: { text: 'hi' }, messaging_type: 'RESPONSE' });
		expect(outcome).toEqual({ ok: true, messageId: 'm_1', recipientId: '42' });
		expect(requests[0]).toMatchObject({
			method: 'POST',
			baseURL: 'http://graph.test/v25.0',
			url: '/me/messages',
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
			body: { recipient: { id: '42' }, message: { text: 'hi' }, messaging_type: 'RESPONSE' },
		});
	});

	it("returns Meta's error classified, with code, subcode and trace id kept", async () => {
		const fixture = META_ERRORS.outsideWindow;
		const { context } = fakeContext(() => ({ statusCode: fixture.httpStatus, body: fixture.body }));
		const outcome = await (await createGraphClient(context)).sendMessage({ recipient: { id: '42' }, message: { text: 'hi' } });
		expect(outcome).toMatchObject({
			ok: false,
			errorClass: 'outsideWindow',
			mayHaveBeenDelivered: false,
			error: { httpStatus: 400, code: 10, subcode: 2018278, fbtraceId: 'trace-10-2018278' },
		});
	});

	it('reports a time-out as possibly delivered', async () => {
		const { context } = fakeContext(() => {
			throw Object.assign(new Error('timeout of 30000ms exceeded'), { code: 'ECONNABORTED' });
		});
		const outcome = await (await createGraphClient(context)).sendMessage({ recipient: { id: '42' }, message: { text: 'hi' } });
		expect(outcome).toMatchObject({ ok: false, errorClass: 'transient', mayHaveBeenDelivered: true, error: { networkCode: 'ETIMEDOUT' } });
	});

	it('never repeats the Page token, the App secret or the recipient token in an error', async () => {
		const { context } = fakeContext(() => ({
			statusCode: 400,
			body: { error: { code: 100, message: 'Bad token PAGE-TOKEN-SECRET / APP-SECRET-VALUE / OTN-TOKEN-123' } },
		}));
		const outcome = await (await createGraphClient(context)).sendMessage({
			recipient: { one_time_notif_token: 'OTN-TOKEN-123' },
			message: { text: 'hi' },
		});
		expect(JSON.stringify(outcome)).not.toMatch(/PAGE-TOKEN-SECRET|APP-SECRET-VALUE|OTN-TOKEN-123/);
		// A bare 100 names no token verdict: the row would be kept.
		expect(outcome).toMatchObject({ errorClass: 'unclear' });
	});

	describe('batches', () => {
		const requests = (n: number) =>
			Array.from({ length: n }, (_, i) => ({ recipient: { one_time_notif_token: `tok-${i}` }, message: { text: `m${i}` } }));

		it('posts up to 50 messages in one call and answers one outcome per message, in order', async () => {
			const { context, requests: sent } = fakeContext((request) => {
				const batch = (request.body as { batch: unknown[] }).batch;
				return ok(
					batch.map((_, i) =>
						i === 1
							? { code: 400, body: JSON.stringify(META_ERRORS.outsideWindow.body) }
							: i === 2
								? null
								: { code: 200, body: JSON.stringify({ recipient_id: `p${i}`, message_id: `m_${i}` }) },
					),
				);
			});
			const outcomes = await (await createGraphClient(context)).sendBatch(requests(4));
			expect(sent).toHaveLength(1);
			expect(sent[0]).toMatchObject({ method: 'POST', url: '/', body: { include_headers: false } });
			expect(outcomes[0]).toEqual({ ok: true, messageId: 'm_0', recipientId: 'p0' });
			expect(outcomes[1]).toMatchObject({ ok: false, errorClass: 'tokenSpent', mayHaveBeenDelivered: false });
			expect(outcomes[2]).toMatchObject({ ok: false, errorClass: 'transient', mayHaveBeenDelivered: true });
			expect(outcomes[3]).toEqual({ ok: true, messageId: 'm_3', recipientId: 'p3' });
		});

		it('gives every message the error of a batch Meta refused as a whole', async () => {
			const { context } = fakeContext(() => ({ statusCode: 400, body: META_ERRORS.invalidOAuthToken.body }));
			const outcomes = await (await createGraphClient(context)).sendBatch(requests(3));
			expect(outcomes.map((o) => (o.ok ? 'sent' : o.errorClass))).toEqual(['stop', 'stop', 'stop']);
		});

		it('refuses more than 50 messages before calling Meta', async () => {
			const { context, requests: sent } = fakeContext(() => ok([]));
			const client = await createGraphClient(context);
			await expect(client.sendBatch(requests(MAX_BATCH_SIZE + 1))).rejects.toThrow('at most 50');
			expect(sent).toHaveLength(0);
		});
	});
});
