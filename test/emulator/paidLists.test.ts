import { expectGraphError, startHarness, type Harness } from './helpers';
import { createCampaign, getAs, newPaidSetup, type PaidSetup } from './paidHelpers';

/** The lists the editor's pickers read: an ad account's campaigns and a system user's Pages. */
describe('paid API: lists for the pickers', () => {
	let h: Harness;
	let setup: PaidSetup;
	beforeAll(async () => {
		h = await startHarness();
		setup = await newPaidSetup(h);
	});
	afterAll(() => h.emulator.close());

	it("GET /act_<id>/campaigns lists the account's campaigns with the fields asked, in pages with a cursor", async () => {
		const ids = [await createCampaign(h, setup, { name: 'One' }), await createCampaign(h, setup, { name: 'Two' }), await createCampaign(h, setup, { name: 'Three' })];
		const first = await getAs(h, setup.systemUser.token, `/${setup.act}/campaigns`, { fields: 'id,name,effective_status', limit: '2' });
		expect(first.status).toBe(200);
		expect(first.data.data).toHaveLength(2);
		expect(first.data.data[0]).toEqual({ id: expect.any(String), name: expect.any(String), effective_status: 'ACTIVE' });
		expect(first.data.paging.next).toContain(`/${setup.act}/campaigns?`);
		const second = await getAs(h, setup.systemUser.token, `/${setup.act}/campaigns`, { fields: 'id', limit: '2', after: first.data.paging.cursors.after });
		expect(second.data.paging.next).toBeUndefined();
		expect([...first.data.data, ...second.data.data].map((campaign: { id: string }) => campaign.id).sort()).toEqual(ids.sort());
	});

	it("refuses another system user's ad account, a field a Campaign does not have, and a limit over 100", async () => {
		const other = await newPaidSetup(h);
		expectGraphError(await getAs(h, other.systemUser.token, `/${setup.act}/campaigns`), { code: 100, subcode: 33 });
		expectGraphError(await getAs(h, setup.systemUser.token, `/${setup.act}/campaigns`, { fields: 'id,end_time' }), { code: 100 });
		expectGraphError(await getAs(h, setup.systemUser.token, `/${setup.act}/campaigns`, { limit: '101' }), { code: 100 });
	});

	it("GET /me/accounts with a system user's token lists the Pages of its ad accounts", async () => {
		const response = await getAs(h, setup.systemUser.token, '/me/accounts', { fields: 'id,name' });
		expect(response.status).toBe(200);
		expect(response.data).toEqual({ data: [{ id: setup.page.pageId, name: expect.any(String) }] });
	});
});
