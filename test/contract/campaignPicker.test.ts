// The Campaign pickers of Request OTN (Get Campaign) and OTN Broadcast (paid API): the list the
// editor shows comes from the Marketing API credential's ad account, and a campaign picked from it,
// typed as an ID, or saved as a plain string before the picker all reach Meta as the same ID.
import axios from 'axios';
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { MessengerOtn } from '../../nodes/MessengerOtn/MessengerOtn.node';
import { OtnBroadcast } from '../../nodes/OtnBroadcast/OtnBroadcast.node';
import { searchCampaigns } from '../../nodes/shared/listSearch/searchCampaigns';
import { searchPages } from '../../nodes/shared/listSearch/searchPages';
import { runInNodeContext, runNode } from '../harness/n8nEngine';
import { issuedRows } from './broadcastRows';
import { useEmulator, type EmulatedPage } from './emulatorFixture';

const emulator = useEmulator();
type Paid = EmulatedPage & { adAccountId: string; systemUserToken: string };

const marketingOnly = (page: Paid) => ({ messengerOtnMarketingApi: page.credentials.messengerOtnMarketingApi });

async function createCampaign(page: Paid, name: string): Promise<string> {
	const { data } = await axios.post(
		`${emulator.url}/v25.0/act_${page.adAccountId}/message_campaign`,
		{ name, lifetime_budget: 10_000, page_id: page.pageId },
		{ headers: { Authorization: `Bearer ${page.systemUserToken}` } },
	);
	return String(data.id);
}

function search(page: Paid, filter?: string, paginationToken?: string) {
	return runInNodeContext(marketingOnly(page), (context) => searchCampaigns.call(context as unknown as ILoadOptionsFunctions, filter, paginationToken));
}

describe('the Campaign picker', () => {
	it("lists the ad account's campaigns by name and status, and not another account's", async () => {
		const page = await emulator.withAdAccount(await emulator.newPage());
		const spring = await createCampaign(page, 'Spring sale');
		const summer = await createCampaign(page, 'Summer sale');
		const other = await emulator.withAdAccount(await emulator.newPage());
		await createCampaign(other, 'Not mine');
		const listed = await search(page);
		expect(listed.results.map((result) => result.value).sort()).toEqual([spring, summer].sort());
		expect(listed.results.find((result) => result.value === spring)?.name).toBe('Spring sale (active)');
		expect(listed.paginationToken).toBeUndefined();
	});

	it('narrows the list to what the user types, by name or ID', async () => {
		const page = await emulator.withAdAccount(await emulator.newPage());
		const spring = await createCampaign(page, 'Spring sale');
		await createCampaign(page, 'Summer sale');
		expect((await search(page, 'spring')).results.map((result) => result.value)).toEqual([spring]);
		expect((await search(page, spring)).results.map((result) => result.value)).toEqual([spring]);
	});

	it('pages through a long list with the cursor it hands the editor', async () => {
		const page = await emulator.withAdAccount(await emulator.newPage());
		const ids: string[] = [];
		for (let n = 1; n <= 52; n++) ids.push(await createCampaign(page, `Campaign ${n}`));
		const first = await search(page);
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await search(page, undefined, String(first.paginationToken));
		expect(second.paginationToken).toBeUndefined();
		expect([...first.results, ...second.results].map((result) => result.value).sort()).toEqual(ids.sort());
	});

	it("says what to fix when the credential's system user cannot read the ad account", async () => {
		const page = await emulator.withAdAccount(await emulator.newPage());
		const wrong = { messengerOtnMarketingApi: { ...page.credentials.messengerOtnMarketingApi, adAccountId: 'act_123' } };
		const failure = await runInNodeContext(wrong, (context) => searchCampaigns.call(context as unknown as ILoadOptionsFunctions)).catch((error: { message: string; description?: string }) => error);
		expect(failure).toMatchObject({ message: expect.any(String), description: expect.stringContaining('Meta: Unsupported get request') });
		expect(JSON.stringify(failure)).not.toContain(page.systemUserToken);
	});
});

describe('a campaign chosen with the picker', () => {
	it('Get Campaign reads the same campaign picked from the list, typed as an ID, or saved as a plain ID', async () => {
		const page = await emulator.withAdAccount(await emulator.newPage());
		const campaignId = await createCampaign(page, 'Spring sale');
		const node = new MessengerOtn();
		for (const value of [{ __rl: true, mode: 'list', value: campaignId, cachedResultName: 'Spring sale' }, { __rl: true, mode: 'id', value: campaignId }, campaignId]) {
			const run = await runNode({ node, parameters: { resource: 'marketingCampaign', operation: 'get', campaignId: value }, input: [{}], credentials: marketingOnly(page) });
			expect(run.error).toBeUndefined();
			expect(run.outputs[0][0].json).toMatchObject({ campaignId, id: campaignId, name: 'Spring sale' });
		}
	});

	it('OTN Broadcast sends under the campaign picked from the list and stamps it on the rows', async () => {
		const { page, campaignId } = await emulator.paidPageWithCampaign();
		const input = await issuedRows(emulator.control, page.pageId, 1, 'marketing');
		const picked = { __rl: true, mode: 'list', value: campaignId, cachedResultName: 'Spring sale' };
		const parameters = { sendThrough: 'paidApi', campaignId: picked, minConversationGapSeconds: 0, messageType: 'text', text: 'The spring sale is on', ratePerSecond: 100, dryRun: false, options: {} };
		const run = await runNode({ node: new OtnBroadcast(), parameters, input, credentials: page.credentials });
		expect(run.error).toBeUndefined();
		expect(run.outputs[0].map((item) => item.json.campaign)).toEqual([campaignId]);
		expect((await emulator.control.paid.messages({ pageId: page.pageId })).map((message) => message.token)).toEqual([input[0].token]);
	});
});

describe('the Page picker of the campaign operations', () => {
	it("lists the Pages of the system user's ad accounts, narrowed by what the user types", async () => {
		const page = await emulator.withAdAccount(await emulator.newPage());
		const listed = await runInNodeContext(marketingOnly(page), (context) => searchPages.call(context as unknown as ILoadOptionsFunctions));
		expect(listed.results.map((result) => result.value)).toEqual([page.pageId]);
		expect(listed.results[0].name).toContain(page.pageId);
		const none = await runInNodeContext(marketingOnly(page), (context) => searchPages.call(context as unknown as ILoadOptionsFunctions, 'no such page'));
		expect(none.results).toEqual([]);
	});

	it('Create takes the Page picked from the list as it took the typed ID', async () => {
		const page = await emulator.withAdAccount(await emulator.newPage());
		const parameters = { resource: 'marketingCampaign', operation: 'create', name: 'Spring sale', pageId: { __rl: true, mode: 'list', value: page.pageId }, budgetType: 'lifetime', budgetCents: 5000 };
		const run = await runNode({ node: new MessengerOtn(), parameters, input: [{}], credentials: marketingOnly(page) });
		expect(run.error).toBeUndefined();
		expect(run.outputs[0][0].json).toMatchObject({ pageId: page.pageId, name: 'Spring sale' });
		expect(await emulator.control.paid.campaigns({ adAccountId: page.adAccountId })).toEqual([expect.objectContaining({ pageId: page.pageId })]);
	});
});
