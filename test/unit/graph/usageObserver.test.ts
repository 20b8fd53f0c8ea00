import type { IExecuteFunctions } from 'n8n-workflow';

import { createGraphClient } from '../../../nodes/shared/graph/graphClient';
import { createMarketingClient } from '../../../nodes/shared/graph/marketingClient';
import type { MetaUsage } from '../../../nodes/shared/graph/usageHeaders';

const BUC = (callCount: number, regain = 0) =>
	JSON.stringify({ '200000000000001': [{ type: 'messenger', call_count: callCount, total_cputime: 3, total_time: 4, estimated_time_to_regain_access: regain }] });

function fakeContext(answer: { statusCode: number; body: unknown; headers: Record<string, string> }) {
	return {
		getCredentials: async () => ({ accessToken: 'PAGE-TOKEN-SECRET', appSecret: 'APP-SECRET-VALUE', adAccountId: 'act_1', graphApiVersion: 'v25.0', graphHost: 'http://graph.test/' }),
		helpers: { httpRequestWithAuthentication: async () => answer },
	} as unknown as IExecuteFunctions;
}

describe("the clients pass Meta's usage headers to their observer", () => {
	it("reads a batch's own answer, not its items", async () => {
		const seen: MetaUsage[] = [];
		const items = [{ code: 200, headers: [{ name: 'X-Business-Use-Case-Usage', value: BUC(99) }], body: JSON.stringify({ message_id: 'm_1' }) }];
		const client = await createGraphClient(fakeContext({ statusCode: 200, body: items, headers: { 'x-business-use-case-usage': BUC(41) } }), { onUsage: (usage) => seen.push(usage) });
		await client.sendBatch([
			{ recipient: { one_time_notif_token: 'TOKEN-1' }, message: { text: 'hi' } },
		]);
		expect(seen).toEqual([{ percent: 41, counter: 'call_count', header: 'X-Business-Use-Case-Usage', type: 'messenger', regainAccessMinutes: 0 }]);
	});

	it("reads a refusal's headers too, and nothing of the token reaches the observer", async () => {
		const seen: MetaUsage[] = [];
		const refusal = { error: { message: '(#80006) There have been too many messages sent from this Page account. TOKEN-1', type: 'OAuthException', code: 80006 } };
		const client = await createGraphClient(fakeContext({ statusCode: 400, body: refusal, headers: { 'x-business-use-case-usage': BUC(100, 19) } }), { onUsage: (usage) => seen.push(usage) });
		const outcome = await client.sendMessage({ recipient: { one_time_notif_token: 'TOKEN-1' }, message: { text: 'hi' } });
		expect(outcome).toMatchObject({ ok: false, errorClass: 'stop' });
		expect(seen).toEqual([{ percent: 100, counter: 'call_count', header: 'X-Business-Use-Case-Usage', type: 'messenger', regainAccessMinutes: 19 }]);
		expect(JSON.stringify(seen)).not.toMatch(/TOKEN|SECRET/);
	});

	it("gives the paid API's answers to its observer the same way", async () => {
		const seen: MetaUsage[] = [];
		const client = await createMarketingClient(
			fakeContext({ statusCode: 200, body: { success: true, marketing_message_tracking_id: 't1' }, headers: { 'x-app-usage': JSON.stringify({ call_count: 12, total_time: 30, total_cputime: 2 }) } }),
			{ onUsage: (usage) => seen.push(usage) },
		);
		await client.sendPaidMessage({ campaignId: 'c1', subscriptionToken: 'SUB-TOKEN', message: { text: 'hi' } });
		expect(seen).toEqual([{ percent: 30, counter: 'total_time', header: 'X-App-Usage', type: undefined, regainAccessMinutes: 0 }]);
	});
});
