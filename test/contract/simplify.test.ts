// Simplify on Request OTN's outputs meant for reading (Get Campaign, Get Many marketing tokens):
// off, the items are as before; on, a few fields a person reads, and a token list without tokens.
import axios from 'axios';

import { MessengerOtn } from '../../nodes/MessengerOtn/MessengerOtn.node';
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { TOKEN_ROW_COLUMNS } from '../../nodes/shared/tokens/tokenRow';
import { runNode } from '../harness/n8nEngine';
import { useEmulator } from './emulatorFixture';

const emulator = useEmulator();
const node = new MessengerOtn();

describe('Simplify', () => {
	it('Get Many marketing tokens: off, whole token rows for a store; on, who subscribed and when they can be messaged, without the token', async () => {
		const page = await emulator.newPage();
		const { psid } = await emulator.control.createSubscriber(page.pageId);
		const { token } = await emulator.control.issueToken(page.pageId, { psid, type: 'marketing', payload: 'weekly-deals', title: 'Weekly deals', timezone: 'Europe/Paris' });
		const run = (simplify?: boolean) =>
			runNode({ node, parameters: { resource: 'marketingToken', operation: 'getAll', returnAll: true, ...(simplify === undefined ? {} : { simplify }) }, input: [{}], credentials: page.credentials });

		const whole = await run();
		expect(Object.keys(whole.outputs[0][0].json)).toEqual([...TOKEN_ROW_COLUMNS]);
		const simple = await run(true);
		expect(simple.outputs[0].map((item) => [item.json, item.pairedItem])).toEqual([
			[
				{ tokenId: tokenIdOf(token), pageId: page.pageId, psid, title: 'Weekly deals', status: 'available', optedInAt: expect.any(String), nextEligibleAt: expect.any(String), timezone: 'Europe/Paris' },
				{ item: 0 },
			],
		]);
		expect(JSON.stringify(simple.outputs)).not.toContain(token);
	});

	it("Get Campaign: off, Meta's fields; on, name, state, what is left to spend and the schedule", async () => {
		const page = await emulator.withAdAccount(await emulator.newPage());
		const { data } = await axios.post(
			`${emulator.url}/v25.0/act_${page.adAccountId}/message_campaign`,
			{ name: 'Spring sale', lifetime_budget: 10_000, page_id: page.pageId },
			{ headers: { Authorization: `Bearer ${page.systemUserToken}` } },
		);
		const campaignId = String(data.id);
		const run = (simplify: boolean) =>
			runNode({ node, parameters: { resource: 'marketingCampaign', operation: 'get', campaignId, simplify }, input: [{}], credentials: { messengerOtnMarketingApi: page.credentials.messengerOtnMarketingApi } });
		const whole = (await run(false)).outputs[0][0].json;
		expect(whole).toMatchObject({ campaignId, id: campaignId, name: 'Spring sale', status: 'ACTIVE', lifetime_budget: '10000', created_time: expect.any(String) });
		const simple = (await run(true)).outputs[0][0].json;
		expect(simple).toEqual({ campaignId, name: 'Spring sale', effective_status: 'ACTIVE', budget_remaining: '10000', start_time: expect.any(String), stop_time: expect.any(String) });
	});
});
