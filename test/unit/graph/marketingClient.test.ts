import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { createMarketingClient } from '../../../nodes/shared/graph/marketingClient';

type Responder = (request: IHttpRequestOptions) => unknown;

const SUBSCRIPTION_TOKEN = '12348141984909088123';

function fakeContext(respond: Responder, adAccountId = 'act_300000000000001') {
	const requests: Array<{ type: string; request: IHttpRequestOptions }> = [];
	const context = {
		getCredentials: async () => ({ accessToken: 'SYSTEM-USER-TOKEN-SECRET', adAccountId, graphApiVersion: 'v24.0', graphHost: 'http://graph.test/' }),
		helpers: {
			httpRequestWithAuthentication: async (type: string, request: IHttpRequestOptions) => {
				requests.push({ type, request });
				return respond(request);
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, requests };
}

const paid = { campaignId: '120330000000000001', subscriptionToken: SUBSCRIPTION_TOKEN, message: { text: 'Spring sale' } };

describe('the Marketing Message API client', () => {
	it("sends a paid message to /act_<id>/messages with the marketing credential, and answers the tracking id as the message id", async () => {
		const { context, requests } = fakeContext(() => ({ statusCode: 200, body: { success: true, marketing_message_tracking_id: '98ecd977-245a-4ec0-a8e0-8b8ecaad8030' } }));
		const client = await createMarketingClient(context);
		expect(client.adAccountId).toBe('300000000000001');
		const outcome = await client.sendPaidMessage({ ...paid, minConversationGapSeconds: 3600 });
		expect(outcome).toEqual({ ok: true, messageId: '98ecd977-245a-4ec0-a8e0-8b8ecaad8030' });
		expect(requests[0]).toEqual({
			type: 'messengerOtnMarketingApi',
			request: expect.objectContaining({
				method: 'POST',
				baseURL: 'http://graph.test/v24.0',
				url: '/act_300000000000001/messages',
				body: {
					message_id: paid.campaignId,
					messenger_delivery_data: { subscription_token: SUBSCRIPTION_TOKEN },
					message: { text: 'Spring sale' },
					min_conversation_gap_seconds: 3600,
				},
				ignoreHttpStatusErrors: true,
				returnFullResponse: true,
			}),
		});
	});

	it("classifies Meta's refusal with recipient kind subscriptionToken, and keeps the token out of the message", async () => {
		const { context } = fakeContext(() => ({
			statusCode: 400,
			body: { error: { message: `Token ${SUBSCRIPTION_TOKEN} stopped`, type: 'OAuthException', code: 2300034, fbtrace_id: 'T1' } },
		}));
		const outcome = await (await createMarketingClient(context)).sendPaidMessage(paid);
		expect(outcome).toMatchObject({ ok: false, errorClass: 'tokenRevoked', mayHaveBeenDelivered: false, error: { code: 2300034, fbtraceId: 'T1' } });
		expect(JSON.stringify(outcome)).not.toContain(SUBSCRIPTION_TOKEN);
	});

	it('reports a time-out as possibly delivered, and a 2xx without success as possibly sent', async () => {
		const timeout = fakeContext(() => {
			throw Object.assign(new Error('timeout of 30000ms exceeded'), { code: 'ECONNABORTED' });
		});
		expect(await (await createMarketingClient(timeout.context)).sendPaidMessage(paid)).toMatchObject({ ok: false, errorClass: 'transient', mayHaveBeenDelivered: true });
		const unclear = fakeContext(() => ({ statusCode: 200, body: { success: false } }));
		expect(await (await createMarketingClient(unclear.context)).sendPaidMessage(paid)).toMatchObject({ ok: false, errorClass: 'transient', mayHaveBeenDelivered: true });
	});

	it('creates a campaign with budget in cents and unix times, reads one with its fields, and estimates delivery', async () => {
		const { context, requests } = fakeContext((request) => ({ statusCode: 200, body: request.url.endsWith('message_campaign') ? { id: '77' } : { data: [] } }), '300000000000001');
		const client = await createMarketingClient(context);
		const start = new Date('2026-12-01T00:00:00Z');
		const created = await client.createCampaign({ name: ' Spring ', pageId: '200000000000001', budget: { kind: 'lifetime', cents: 5000 }, startTime: start, endTime: null, pixelId: null });
		expect(created).toEqual({ ok: true, status: 200, body: { id: '77' } });
		expect(requests[0].request).toMatchObject({
			method: 'POST',
			url: '/act_300000000000001/message_campaign',
			body: { name: 'Spring', page_id: '200000000000001', lifetime_budget: 5000, start_time: start.getTime() / 1000 },
		});
		await client.getCampaign('77', ['id', 'name']);
		expect(requests[1].request).toMatchObject({ method: 'GET', url: '/77', qs: { fields: 'id,name' } });
		await client.estimateDelivery('200000000000001', { geo_locations: { countries: ['US'] } });
		expect(requests[2].request).toMatchObject({
			method: 'GET',
			url: '/act_300000000000001/message_delivery_estimate',
			qs: { promoted_object: '{"page_id":"200000000000001"}', targeting_spec: '{"geo_locations":{"countries":["US"]}}', is_direct_send_campaign: 'true', pacing_type: 'no_pacing' },
		});
	});

	it("keeps the system user's token out of every error", async () => {
		const { context } = fakeContext(() => ({ statusCode: 400, body: { error: { message: 'Bad token SYSTEM-USER-TOKEN-SECRET', type: 'OAuthException', code: 190 } } }));
		const result = await (await createMarketingClient(context)).getCampaign('77');
		expect(JSON.stringify(result)).not.toContain('SYSTEM-USER-TOKEN-SECRET');
	});
});
