// Request OTN's Marketing Campaign operations in n8n-core's real engine against the emulator's paid
// Marketing Message API (docs/meta-platform.md §3.3, §3.4), with the Messenger OTN Marketing API credential.
import { MessengerOtn } from '../../nodes/MessengerOtn/MessengerOtn.node';
import { runNode } from '../harness/n8nEngine';
import { useEmulator, type EmulatedPage } from './emulatorFixture';

const emulator = useEmulator();
const node = new MessengerOtn();
const DAY = 24 * 60 * 60 * 1000;

type Paid = EmulatedPage & { adAccountId: string; systemUserToken: string };

async function paidPage(): Promise<Paid> {
	return emulator.withAdAccount(await emulator.newPage());
}

/** Only the marketing credential: Marketing Campaign must not need the Page's. */
const marketingOnly = (page: Paid) => ({ messengerOtnMarketingApi: page.credentials.messengerOtnMarketingApi });

const create = (page: Paid, extra: Record<string, unknown> = {}) => ({
	resource: 'marketingCampaign',
	operation: 'create',
	name: 'Spring sale',
	pageId: page.pageId,
	budgetType: 'lifetime',
	budgetCents: 5000,
	...extra,
});

describe('Request OTN: Marketing Campaign', () => {
	it('creates a campaign under the credential ad account and puts out its id with what was set', async () => {
		const page = await paidPage();
		const start = new Date(Date.now() + DAY);
		const run = await runNode({ node, parameters: create(page, { startTime: start.toISOString() }), input: [{}], credentials: marketingOnly(page) });
		expect(run.error).toBeUndefined();
		const [item] = run.outputs[0];
		const [campaign] = await emulator.control.paid.campaigns({ adAccountId: page.adAccountId });
		expect(item.json).toEqual({
			campaignId: campaign.campaignId,
			name: 'Spring sale',
			pageId: page.pageId,
			adAccountId: `act_${page.adAccountId}`,
			budgetType: 'lifetime',
			budgetCents: 5000,
			startTime: start.toISOString(),
			endTime: null,
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(campaign).toMatchObject({ name: 'Spring sale', pageId: page.pageId, lifetimeBudgetCents: 5000, startTime: Math.floor(start.getTime() / 1000) * 1000 });
	});

	it('gets a campaign by the id Create put out, and estimates delivery for the Page', async () => {
		const page = await paidPage();
		const { psid } = await emulator.control.createSubscriber(page.pageId);
		await emulator.control.issueToken(page.pageId, { psid, type: 'marketing', payload: 'DEALS', title: 'Deals' });
		const created = await runNode({ node, parameters: create(page, { budgetType: 'daily', budgetCents: 300 }), input: [{}], credentials: marketingOnly(page) });
		const campaignId = created.outputs[0][0].json.campaignId;
		const got = await runNode({ node, parameters: { resource: 'marketingCampaign', operation: 'get', campaignId: '={{ $json.campaignId }}' }, input: [{ campaignId }], credentials: marketingOnly(page) });
		expect(got.outputs[0][0].json).toMatchObject({ campaignId, id: campaignId, name: 'Spring sale', status: 'ACTIVE', effective_status: 'ACTIVE', daily_budget: '300' });
		const estimate = await runNode({
			node,
			parameters: { resource: 'marketingCampaign', operation: 'estimateDelivery', pageId: page.pageId, targetingSpec: '{ "geo_locations": { "countries": ["US"] } }' },
			input: [{}],
			credentials: marketingOnly(page),
		});
		expect(estimate.outputs[0].map((item) => item.json)).toEqual([
			{
				pageId: page.pageId,
				estimate_delivery: 1,
				estimate_delivery_lower_bound: 1,
				estimate_delivery_upper_bound: 1,
				estimate_cost: expect.any(Number),
				estimate_cost_lower_bound: expect.any(Number),
				estimate_cost_upper_bound: expect.any(Number),
			},
		]);
		expect(estimate.outputs[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('refuses a campaign Meta would refuse before any call, naming what to correct', async () => {
		const page = await paidPage();
		const run = await runNode({ node, parameters: create(page, { startTime: new Date(Date.now() + 40 * DAY).toISOString() }), input: [{}], credentials: marketingOnly(page) });
		expect(run.error?.message).toBe('The campaign cannot be created: The start time must be at most 30 days ahead');
		expect(run.error?.context).toMatchObject({ itemIndex: 0 });
		expect(await emulator.control.paid.campaigns({ adAccountId: page.adAccountId })).toEqual([]);
	});

	it("turns Meta's refusals into what to fix, and continues item by item when told to", async () => {
		const page = await paidPage();
		const other = await emulator.newPage();
		await emulator.control.paid.updateAdAccount(page.adAccountId, { termsAccepted: false });
		const run = await runNode({
			node,
			parameters: create(page, { pageId: '={{ $json.pageId }}' }),
			input: [{ pageId: page.pageId }, { pageId: other.pageId }],
			credentials: marketingOnly(page),
			onError: 'continueRegularOutput',
		});
		expect(run.outputs[0].map((item) => [item.json.error, item.pairedItem])).toEqual([
			["The business has not accepted Meta's marketing messages terms: accept them in Meta Business Suite", { item: 0 }],
			['Meta refused a parameter of the request', { item: 1 }],
		]);
		expect(run.outputs[0][1].json.details).toMatch(/connected to ad account/);
	});

	it("names the marketing credential when the ad account is not the system user's", async () => {
		const page = await paidPage();
		const credentials = { messengerOtnMarketingApi: { ...page.credentials.messengerOtnMarketingApi, adAccountId: '123' } };
		const run = await runNode({ node, parameters: { resource: 'marketingCampaign', operation: 'get', campaignId: '77' }, input: [{}], credentials });
		expect(run.error?.message).toMatch(/system user has no access/);
		const wrongToken = { messengerOtnMarketingApi: { ...page.credentials.messengerOtnMarketingApi, accessToken: 'SYSTEM-TOKEN-NOT-KNOWN' } };
		const refused = await runNode({ node, parameters: create(page), input: [{}], credentials: wrongToken });
		expect(refused.error?.message).toMatch(/Messenger OTN Marketing API credential/);
		expect(JSON.stringify(refused.run.data.resultData)).not.toContain('SYSTEM-TOKEN-NOT-KNOWN');
	});
});
