import { DAY, expectGraphError, HOUR, startHarness, type Harness } from './helpers';
import { createCampaign, getAs, newPaidSetup, postAct, sendPaid, subscriber, unixNow, type PaidSetup } from './paidHelpers';

const CAMPAIGN_FIELDS = 'id,name,account_id,status,effective_status,daily_budget,lifetime_budget,budget_remaining,start_time,stop_time';

describe('paid API: message campaigns (docs/meta-platform.md §3.3)', () => {
	let h: Harness;
	let setup: PaidSetup;
	beforeAll(async () => {
		h = await startHarness();
		setup = await newPaidSetup(h);
	});
	afterAll(() => h.emulator.close());

	const create = (body: Record<string, unknown>) => postAct(h, setup, 'message_campaign', { name: 'Spring sale', page_id: setup.page.pageId, ...body });
	const read = async (campaignId: string) => (await getAs(h, setup.systemUser.token, `/${campaignId}`, { fields: CAMPAIGN_FIELDS })).data as Record<string, unknown>;

	it('creates a campaign from name, Page, budget in cents, start and end time, and answers { id }', async () => {
		const start = await unixNow(h, DAY);
		const response = await create({ lifetime_budget: 5000, start_time: start, end_time: start + 7 * 24 * 3600 });
		expect(response.status).toBe(200);
		expect(response.data).toEqual({ id: expect.stringMatching(/^\d+$/) });
		const campaign = await read(response.data.id);
		expect(campaign).toEqual({
			id: response.data.id,
			name: 'Spring sale',
			status: 'ACTIVE',
			effective_status: 'NOT_STARTED',
			account_id: setup.account.adAccountId,
			lifetime_budget: '5000',
			budget_remaining: '5000',
			start_time: `${new Date(start * 1000).toISOString().slice(0, 19)}+0000`,
			stop_time: `${new Date((start + 7 * 24 * 3600) * 1000).toISOString().slice(0, 19)}+0000`,
		});
	});

	it("refuses a field a Campaign does not have, as Graph does (end_time is stop_time once created)", async () => {
		const campaignId = await createCampaign(h, setup);
		expectGraphError(await getAs(h, setup.systemUser.token, `/${campaignId}`, { fields: 'id,end_time' }), {
			code: 100,
			message: '(#100) Tried accessing nonexisting field (end_time) on node type (Campaign)',
		});
	});

	it('reads a campaign without fields as { id, name }, and another system user cannot see it', async () => {
		const campaignId = await createCampaign(h, setup);
		expect((await getAs(h, setup.systemUser.token, `/${campaignId}`)).data).toEqual({ id: campaignId, name: 'Spring sale' });
		const other = await newPaidSetup(h);
		expectGraphError(await getAs(h, other.systemUser.token, `/${campaignId}`), { code: 100, subcode: 33 });
	});

	it('ends a lifetime-budget campaign 30 days after its start unless told, and runs others until paused', async () => {
		const lifetime = await read(await createCampaign(h, setup, { lifetime_budget: 100 }));
		expect(Date.parse(String(lifetime.stop_time).replace('+0000', 'Z')) - Date.parse(String(lifetime.start_time).replace('+0000', 'Z'))).toBe(30 * DAY);
		const daily = await read(await createCampaign(h, setup, { daily_budget: 100 }));
		expect(daily.stop_time).toBeUndefined();
		expect(daily.daily_budget).toBe('100');
	});

	it.each([
		['no name', { name: '' }, /name is required/],
		['no Page', { page_id: undefined }, /page_id is required/],
		['both budgets', { daily_budget: 100, lifetime_budget: 1000 }, /either daily_budget or lifetime_budget/],
		['a budget of 0', { lifetime_budget: 0 }, /lifetime_budget must be a whole number of at least 1/],
		['a budget in euros', { daily_budget: '12.50' }, /daily_budget must be a whole number/],
		['a pixel id that is not one', { pixel_id: 'abc' }, /pixel_id/],
	])('refuses %s with 100', async (_name, body, message) => {
		expectGraphError(await create(body), { code: 100, message });
	});

	it('refuses a start more than 30 days ahead, an end before the start, and a campaign of more than 30 days', async () => {
		expectGraphError(await create({ start_time: await unixNow(h, 30 * DAY + HOUR) }), { code: 100, message: /start_time must be at most 30 days/ });
		const start = await unixNow(h, HOUR);
		expectGraphError(await create({ start_time: start, end_time: start }), { code: 100, message: /end_time must be after start_time/ });
		expectGraphError(await create({ start_time: start, end_time: start + 31 * 24 * 3600 }), { code: 100, message: /at most 30 days after start_time/ });
		expect((await create({ start_time: await unixNow(h, 30 * DAY - HOUR) })).status).toBe(200);
	});

	it('refuses a Page the ad account is not linked to', async () => {
		const other = await newPaidSetup(h);
		expectGraphError(await create({ page_id: other.page.pageId }), { code: 100, message: /connected to ad account/ });
	});

	it('refuses to create while the business is out of order: region, terms, payment', async () => {
		const own = await newPaidSetup(h);
		const createOwn = () => postAct(h, own, 'message_campaign', { name: 'x', page_id: own.page.pageId });
		await h.control.paid.updateAdAccount(own.account.adAccountId, { region: 'FR' });
		expectGraphError(await createOwn(), { code: 2300030 });
		await h.control.paid.updateAdAccount(own.account.adAccountId, { region: 'US', termsAccepted: false });
		expectGraphError(await createOwn(), { code: 2300013 });
		await h.control.paid.updateAdAccount(own.account.adAccountId, { termsAccepted: true, paymentMethod: 'none' });
		expectGraphError(await createOwn(), { code: 2300011 });
		await h.control.paid.updateAdAccount(own.account.adAccountId, { paymentMethod: 'card' });
		await h.control.paid.setPageRegion(own.page.pageId, 'DE');
		expectGraphError(await createOwn(), { code: 2300031 });
	});

	describe('campaign states decide whether a message can go out', () => {
		it('a campaign not started yet answers 2300033, then sends once its start has come', async () => {
			const { token } = await subscriber(h, setup);
			const campaignId = await createCampaign(h, setup, { start_time: await unixNow(h, 2 * HOUR) });
			expectGraphError(await sendPaid(h, setup, campaignId, token), { code: 2300033 });
			await h.control.advanceClock(2 * HOUR);
			expect((await sendPaid(h, setup, campaignId, token)).status).toBe(200);
		});

		it('a paused, deleted or completed campaign answers 2300000', async () => {
			const { token } = await subscriber(h, setup);
			const paused = await createCampaign(h, setup);
			await h.control.paid.setCampaignStatus(paused, 'PAUSED');
			expectGraphError(await sendPaid(h, setup, paused, token), { code: 2300000, message: /message campaign under which the message exists is active/ });
			expect((await read(paused)).effective_status).toBe('PAUSED');
			await h.control.paid.setCampaignStatus(paused, 'DELETED');
			expectGraphError(await sendPaid(h, setup, paused, token), { code: 2300000 });

			const start = await unixNow(h);
			const ending = await createCampaign(h, setup, { start_time: start, end_time: start + 3600 });
			await h.control.advanceClock(HOUR);
			expect((await read(ending)).effective_status).toBe('COMPLETED');
			expectGraphError(await sendPaid(h, setup, ending, token), { code: 2300000 });
		});

		it("an unknown campaign, or another ad account's, answers 2300001", async () => {
			const { token } = await subscriber(h, setup);
			expectGraphError(await sendPaid(h, setup, '123456789', token), { code: 2300001 });
			const other = await newPaidSetup(h);
			const theirs = await createCampaign(h, other);
			expectGraphError(await sendPaid(h, setup, theirs, token), { code: 2300001 });
		});
	});

	describe("delivery estimate (Meta's send-messages guide)", () => {
		const query = (pageId: string, spec: unknown = { geo_locations: { countries: ['US'] } }) => ({
			promoted_object: JSON.stringify({ page_id: pageId }),
			targeting_spec: JSON.stringify(spec),
			is_direct_send_campaign: 'true',
			pacing_type: 'no_pacing',
			fields: 'estimate_delivery,estimate_delivery_lower_bound,estimate_delivery_upper_bound,estimate_cost,estimate_cost_lower_bound,estimate_cost_upper_bound',
		});

		it("answers Meta's estimate_delivery_* and estimate_cost_* fields: the Page's reachable tokens in the targeted countries, and those reachable now", async () => {
			const own = await newPaidSetup(h);
			const [ana, ben] = [await subscriber(h, own), await subscriber(h, own)];
			await subscriber(h, own, 'FR');
			await subscriber(h, own, 'BR');
			const campaignId = await createCampaign(h, own);
			expect((await sendPaid(h, own, campaignId, ana.token)).status).toBe(200);
			await h.control.stopMarketing(own.page.pageId, { token: ben.token });
			const price = own.account.pricePerMessageCents;
			const response = await getAs(h, own.systemUser.token, `/${own.act}/message_delivery_estimate`, query(own.page.pageId));
			expect(response.status).toBe(200);
			expect(response.data).toEqual({
				data: [
					{
						estimate_delivery: 0,
						estimate_delivery_lower_bound: 0,
						estimate_delivery_upper_bound: 1,
						estimate_cost: 0,
						estimate_cost_lower_bound: 0,
						estimate_cost_upper_bound: price,
					},
				],
			});
			const wider = await getAs(h, own.systemUser.token, `/${own.act}/message_delivery_estimate`, query(own.page.pageId, { geo_locations: { countries: ['US', 'BR'] } }));
			expect(wider.data.data[0]).toMatchObject({ estimate_delivery_upper_bound: 2 });
		});

		it('needs the promoted Page, a targeting spec, a direct-send campaign without pacing and the fields, and refuses a field the estimate does not have', async () => {
			const url = `/${setup.act}/message_delivery_estimate`;
			const get = (params: Record<string, string>) => getAs(h, setup.systemUser.token, url, params);
			const full = query(setup.page.pageId);
			expectGraphError(await get({ ...full, promoted_object: '' }), { code: 100, message: /promoted_object is required/ });
			expectGraphError(await get({ ...full, promoted_object: JSON.stringify({ page_id: '1' }) }), { code: 100, message: /connected/ });
			expectGraphError(await get({ ...full, targeting_spec: '' }), { code: 100, message: /targeting_spec is required/ });
			expectGraphError(await get({ ...full, is_direct_send_campaign: 'false' }), { code: 100, message: /is_direct_send_campaign/ });
			expectGraphError(await get({ ...full, pacing_type: 'standard' }), { code: 100, message: /pacing_type/ });
			expectGraphError(await get({ ...full, fields: 'estimated_subscribers' }), { code: 100, message: /estimated_subscribers/ });
			expectGraphError(await get({ page_id: setup.page.pageId }), { code: 100, message: /promoted_object is required/ });
		});
	});
});
