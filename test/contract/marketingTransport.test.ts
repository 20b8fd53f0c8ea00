// The paid Marketing Message API's transport in n8n-core's real engine: the marketing credential's
// own authenticate, n8n's request helpers, and the emulator's paid API (docs/meta-platform.md §3).
import { deliveryEstimateQuery } from '../../nodes/shared/graph/deliveryEstimateQuery';
import { createMarketingClient, type MarketingClient } from '../../nodes/shared/graph/marketingClient';
import { runInNodeContext } from '../harness/n8nEngine';
import { useEmulator, type EmulatedPage } from './emulatorFixture';

const emulator = useEmulator();

type Paid = EmulatedPage & { adAccountId: string; systemUserToken: string };

async function paidPage(account = {}): Promise<Paid> {
	return emulator.withAdAccount(await emulator.newPage(), account);
}

async function optedIn(page: Paid, region?: string): Promise<{ psid: string; token: string }> {
	const { psid } = await emulator.control.createSubscriber(page.pageId, { region });
	const issued = await emulator.control.issueToken(page.pageId, { psid, type: 'marketing', payload: 'DEALS', title: 'Weekly deals' });
	return { psid, token: issued.token };
}

function withClient<T>(page: Paid, use: (client: MarketingClient) => Promise<T>): Promise<T> {
	return runInNodeContext({ messengerOtnMarketingApi: page.credentials.messengerOtnMarketingApi }, async (context) => use(await createMarketingClient(context)));
}

async function campaign(page: Paid, client: MarketingClient, budgetCents?: number): Promise<string> {
	const created = await client.createCampaign({
		name: 'Spring',
		pageId: page.pageId,
		budget: budgetCents === undefined ? null : { kind: 'lifetime', cents: budgetCents },
		startTime: null,
		endTime: null,
		pixelId: null,
	});
	if (!created.ok) throw new Error(created.error.message);
	return created.body.id;
}

describe('the Marketing Message API transport against the emulator', () => {
	it('sends a paid message and answers the tracking id the emulator recorded', async () => {
		const page = await paidPage();
		const { token } = await optedIn(page);
		const outcome = await withClient(page, async (client) => client.sendPaidMessage({ campaignId: await campaign(page, client), subscriptionToken: token, message: { text: 'Spring sale' }, minConversationGapSeconds: 3600 }));
		const [sent] = await emulator.control.paid.messages({ token });
		expect(outcome).toEqual({ ok: true, messageId: sent.trackingId });
	});

	it('classifies the 12-hour rule as not now, a stop as revoked, a region as unreachable (the row is kept)', async () => {
		const page = await paidPage();
		const [ana, ben, cleo] = [await optedIn(page), await optedIn(page), await optedIn(page, 'DE')];
		await emulator.control.stopMarketing(page.pageId, { token: ben.token });
		const outcomes = await withClient(page, async (client) => {
			const campaignId = await campaign(page, client);
			const send = (token: string) => client.sendPaidMessage({ campaignId, subscriptionToken: token, message: { text: 'hi' } });
			return [await send(ana.token), await send(ana.token), await send(ben.token), await send(cleo.token)];
		});
		expect(outcomes.map((outcome) => (outcome.ok ? 'sent' : `${outcome.error.code} ${outcome.errorClass}`))).toEqual([
			'sent',
			'2300035 notNow',
			'2300034 tokenRevoked',
			'2300032 unreachable',
		]);
		for (const outcome of outcomes) expect(JSON.stringify(outcome)).not.toMatch(new RegExp([ana.token, ben.token, cleo.token].join('|')));
	});

	it('reads a spent budget as a reason to stop, and an injected temporary error as a retry', async () => {
		const page = await paidPage({ pricePerMessageCents: 10 });
		const [ana, ben] = [await optedIn(page), await optedIn(page)];
		const outcomes = await withClient(page, async (client) => {
			const campaignId = await campaign(page, client, 10);
			await emulator.control.paid.injectErrors(page.adAccountId, 2300061);
			const send = (token: string) => client.sendPaidMessage({ campaignId, subscriptionToken: token, message: { text: 'hi' } });
			return [await send(ana.token), await send(ana.token), await send(ben.token)];
		});
		expect(outcomes).toEqual([
			expect.objectContaining({ ok: false, errorClass: 'transient', mayHaveBeenDelivered: false }),
			{ ok: true, messageId: expect.any(String) },
			expect.objectContaining({ ok: false, errorClass: 'stop', error: expect.objectContaining({ code: 2300015 }) }),
		]);
	});

	it('creates and reads a campaign and estimates delivery with the system user token', async () => {
		const page = await paidPage();
		await optedIn(page);
		const [read, estimate] = await withClient(page, async (client) => {
			const campaignId = await campaign(page, client, 5000);
			const query = deliveryEstimateQuery(page.pageId, { geo_locations: { countries: ['US'] } });
			return [await client.getCampaign(campaignId), await client.call('GET', `/act_${client.adAccountId}/message_delivery_estimate`, { qs: query })];
		});
		expect(read).toMatchObject({ ok: true, body: { name: 'Spring', status: 'ACTIVE', effective_status: 'ACTIVE', lifetime_budget: '5000' } });
		expect(estimate).toMatchObject({ ok: true, body: { data: [{ estimate_delivery: 1, estimate_delivery_upper_bound: 1 }] } });
	});

	it('adds appsecret_proof when the credential has the App Secret, as an app that requires it demands', async () => {
		const app = await emulator.control.createApp({ requireAppSecretProof: true });
		const page = await paidPage();
		const user = await emulator.control.paid.createSystemUser({ appId: app.appId, adAccountIds: [page.adAccountId] });
		const credentials = { ...page.credentials.messengerOtnMarketingApi, accessToken: user.token };
		const read = (appSecret: string) =>
			runInNodeContext({ messengerOtnMarketingApi: { ...credentials, appSecret } }, async (context) => (await createMarketingClient(context)).call('GET', `/act_${page.adAccountId}`));
		expect(await read('')).toMatchObject({ ok: false, error: { code: 100 } });
		expect(await read(app.appSecret)).toMatchObject({ ok: true, body: { id: `act_${page.adAccountId}` } });
	});

	it("names the marketing credential when Meta refuses the system user's token", async () => {
		const page = await paidPage();
		const credentials = { messengerOtnMarketingApi: { ...page.credentials.messengerOtnMarketingApi, accessToken: 'NOT-A-SYSTEM-USER-TOKEN' } };
		const outcome = await runInNodeContext(credentials, async (context) => (await createMarketingClient(context)).sendPaidMessage({ campaignId: '1', subscriptionToken: '2', message: { text: 'x' } }));
		expect(outcome).toMatchObject({ ok: false, errorClass: 'stop', meaning: expect.stringMatching(/Messenger OTN Marketing API credential/) });
		expect(JSON.stringify(outcome)).not.toContain('NOT-A-SYSTEM-USER-TOKEN');
	});
});
