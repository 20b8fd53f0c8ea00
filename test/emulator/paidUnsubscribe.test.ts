import { expectGraphError, send, startHarness, type Harness } from './helpers';
import { createCampaign, newPaidSetup, sendPaid, subscriber, type PaidSetup } from './paidHelpers';

describe('paid API: unsubscribe (docs/meta-platform.md §3.2)', () => {
	let h: Harness;
	let setup: PaidSetup;
	let campaignId: string;
	beforeAll(async () => {
		h = await startHarness();
		setup = await newPaidSetup(h);
		campaignId = await createCampaign(h, setup);
	});
	afterAll(() => h.emulator.close());

	const unsubscribe = (data: unknown, token = setup.page.pageToken, pageId = setup.page.pageId) =>
		h.graph.post(`/v25.0/${pageId}/messaging_customer_base/unsubscribe`, { data }, { params: { access_token: token } });

	it('unsubscribes by PSID at the Page level: every marketing token of that subscriber stops', async () => {
		const ana = await subscriber(h, setup);
		const second = await h.control.issueToken(setup.page.pageId, { psid: ana.psid, type: 'marketing', payload: 'NEWS', title: 'News' });
		const response = await unsubscribe([{ psid: ana.psid }]);
		expect(response.status).toBe(200);
		expect(response.data).toEqual({ invalid_rows_count: 0 });
		const statuses = (await h.control.tokens(setup.page.pageId)).filter((token) => token.psid === ana.psid).map((token) => token.status);
		expect(statuses).toEqual(['stopped', 'stopped']);
		expectGraphError(await sendPaid(h, setup, campaignId, second.token), { code: 2300034 });
		const legacy = await send(h.graph, setup.page.pageToken, { recipient: { notification_messages_token: ana.token }, message: { text: 'hi' } });
		expectGraphError(legacy, { code: 10, subcode: 1893015 });
	});

	it('unsubscribes by subscriber token, and counts rows that match no one as invalid', async () => {
		const ben = await subscriber(h, setup);
		const response = await unsubscribe([{ subscriber_token: ben.token }, { psid: '1' }, { email: 'a@example.com' }, { colour: 'red' }, 'x']);
		expect(response.data).toEqual({ invalid_rows_count: 4 });
		expectGraphError(await sendPaid(h, setup, campaignId, ben.token), { code: 2300034 });
	});

	it('sends no webhook: the caller updates its own store', async () => {
		const cleo = await subscriber(h, setup);
		const before = (await h.control.events({ pageId: setup.page.pageId })).length;
		await unsubscribe([{ psid: cleo.psid }]);
		expect(await h.control.events({ pageId: setup.page.pageId })).toHaveLength(before);
	});

	it("needs the Page's own token, and 1 to 10 000 rows", async () => {
		const other = await newPaidSetup(h);
		expectGraphError(await unsubscribe([{ psid: '1' }], other.page.pageToken), { code: 200 });
		expectGraphError(await unsubscribe([]), { code: 100, message: /1 to 10000 rows/ });
		expectGraphError(await unsubscribe(undefined), { code: 100 });
	});
});
