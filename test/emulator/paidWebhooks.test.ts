import { DEFAULT_WEBHOOK_SETTINGS } from '../../emulator/webhooks/webhookSettings';
import { startHarness, type Harness } from './helpers';
import { createCampaign, newPaidSetup, sendPaid, subscriber, type PaidSetup } from './paidHelpers';
import { EMULATED_FIELDS, subscribeApp, subscribePage } from './webhookHelpers';
import { changesOf, expectedSignature, WebhookReceiver, type WebhookBody } from './webhookReceiver';

const PAID_FIELDS = ['marketing_message_deliveries', 'marketing_message_reads', 'marketing_message_clicks', 'marketing_message_delivery_failed'];

describe('paid API webhooks (docs/meta-platform.md §3.5)', () => {
	let h: Harness;
	let receiver: WebhookReceiver;
	let setup: PaidSetup;
	let campaignId: string;

	beforeAll(async () => {
		h = await startHarness({ webhooks: { batchWindowMs: 60_000 } });
		receiver = await WebhookReceiver.start();
		setup = await newPaidSetup(h);
		const fields = [...EMULATED_FIELDS, ...PAID_FIELDS];
		expect((await subscribeApp(h.graph, setup.page, receiver.url, { fields })).status).toBe(200);
		expect((await subscribePage(h.graph, setup.page, fields)).status).toBe(200);
		campaignId = await createCampaign(h, setup);
	});
	afterEach(() => h.control.setWebhookSettings({ ...DEFAULT_WEBHOOK_SETTINGS, batchWindowMs: 60_000 }));
	afterAll(async () => {
		await h.emulator.close();
		await receiver.close();
	});

	async function delivered(): Promise<WebhookBody[]> {
		const before = receiver.posts().length;
		await h.control.runDueWebhooks();
		return receiver.bodies(before);
	}

	async function sent(): Promise<{ psid: string; token: string; trackingId: string; mid: string }> {
		const { psid, token } = await subscriber(h, setup);
		const response = await sendPaid(h, setup, campaignId, token);
		const trackingId = response.data.marketing_message_tracking_id as string;
		const [record] = await h.control.paid.messages({ token });
		await delivered(); // the opt-in's own webhook
		return { psid, token, trackingId, mid: record.messageId };
	}

	const seconds = expect.any(Number);

	it('reports a delivery as a flat change in the entry, ids as numbers digit for digit', async () => {
		const { psid, token, trackingId, mid } = await sent();
		await h.control.paid.reports(setup.page.pageId, psid, { kind: 'delivery' });
		const before = receiver.posts().length;
		await h.control.runDueWebhooks();
		const [post] = receiver.posts().slice(before);
		expect(post.headers['x-hub-signature-256']).toBe(expectedSignature(post.raw, setup.page.appSecret));
		const raw = post.raw.toString('utf8');
		expect(raw).toContain(`"recipient_id":${psid},`);
		expect(raw).toContain(`"page_id":${setup.page.pageId},`);
		const body = JSON.parse(raw) as WebhookBody;
		expect(body).toEqual({ object: 'page', entry: [{ id: setup.page.pageId, time: expect.any(Number), changes: [expect.any(Object)] }] });
		expect(changesOf([body])).toEqual([
			{
				field: 'marketing_message_deliveries',
				recipient_id: expect.any(Number),
				page_id: Number(setup.page.pageId),
				app_id: expect.any(Number),
				timestamp: seconds,
				mid,
				marketing_message_tracking_id: trackingId,
				messenger_subscription_token: token,
				message_id: campaignId,
			},
		]);
		const timestamp = changesOf([body])[0].timestamp as number;
		expect(timestamp).toBeLessThan(1e11);
	});

	it("reports a read after the delivery it implies, and a click on its own, in the guide's shapes: a read without mid, a click without tracking id or app_id", async () => {
		const { psid, token, trackingId } = await sent();
		await h.control.paid.reports(setup.page.pageId, psid, { kind: 'read' });
		await h.control.paid.reports(setup.page.pageId, psid, { kind: 'click', trackingId });
		const changes = changesOf(await delivered());
		expect(changes.map((change) => [change.field, change.marketing_message_tracking_id])).toEqual([
			['marketing_message_deliveries', trackingId],
			['marketing_message_reads', trackingId],
			['marketing_message_clicks', undefined],
		]);
		expect(changes[1]).not.toHaveProperty('mid');
		expect(changes[2]).toEqual({
			field: 'marketing_message_clicks',
			recipient_id: expect.any(Number),
			page_id: Number(setup.page.pageId),
			timestamp: seconds,
			mid: expect.any(String),
			messenger_subscription_token: token,
			message_id: campaignId,
		});
	});

	it('reports a failed delivery with no field key, no tracking id and no recipient, and bills nothing for it', async () => {
		const { psid, token } = await sent();
		const spentBefore = (await h.control.paid.campaigns({ adAccountId: setup.account.adAccountId }))[0].spentCents;
		await h.control.paid.reports(setup.page.pageId, psid, { kind: 'delivery_failed', errorMessage: 'Message expired' });
		const [change] = changesOf(await delivered());
		expect(change).toEqual({
			app_id: expect.any(Number),
			business_id: Number(setup.account.businessId),
			page_id: Number(setup.page.pageId),
			messenger_subscription_token: token,
			timestamp: seconds,
			error_message: 'Message expired',
			message_id: campaignId,
		});
		expect((await h.control.paid.campaigns({ adAccountId: setup.account.adAccountId }))[0].spentCents).toBe(spentBefore - 1);
		await expect(h.control.paid.reports(setup.page.pageId, psid, { kind: 'delivery' })).rejects.toMatchObject({ response: { status: 409 } });
	});

	it('answers 409 when there is nothing to report, and a delivered message cannot fail', async () => {
		const { psid } = await sent();
		await h.control.paid.reports(setup.page.pageId, psid, { kind: 'delivery' });
		await expect(h.control.paid.reports(setup.page.pageId, psid, { kind: 'delivery' })).rejects.toMatchObject({ response: { status: 409 } });
		await expect(h.control.paid.reports(setup.page.pageId, psid, { kind: 'delivery_failed' })).rejects.toMatchObject({ response: { status: 409 } });
		await delivered();
	});

	it('keeps paid messages out of message_deliveries and message_reads', async () => {
		const { psid } = await sent();
		await expect(h.control.reportsDelivered(setup.page.pageId, psid)).rejects.toMatchObject({ response: { status: 409 } });
	});

	it('sends nothing for a field the app did not subscribe to', async () => {
		const own = await newPaidSetup(h);
		const ownReceiver = await WebhookReceiver.start();
		try {
			expect((await subscribeApp(h.graph, own.page, ownReceiver.url, { fields: [...EMULATED_FIELDS, 'marketing_message_reads'] })).status).toBe(200);
			expect((await subscribePage(h.graph, own.page, [...EMULATED_FIELDS, 'marketing_message_reads'])).status).toBe(200);
			const { psid, token } = await subscriber(h, own);
			const ownCampaign = await createCampaign(h, own);
			await sendPaid(h, own, ownCampaign, token);
			await h.control.paid.reports(own.page.pageId, psid, { kind: 'read' });
			await h.control.runDueWebhooks();
			const fields = changesOf(ownReceiver.bodies()).map((change) => change.field);
			expect(fields).toEqual(['marketing_message_reads']);
		} finally {
			await ownReceiver.close();
		}
	});

	it('reports paid messages delivered and read at once with the automatic receipts', async () => {
		await h.control.setWebhookSettings({ autoDeliveryPercent: 100, autoReadPercent: 100 });
		const { psid, token } = await subscriber(h, setup);
		await delivered();
		const response = await sendPaid(h, setup, campaignId, token);
		const changes = changesOf(await delivered());
		expect(changes.map((change) => [change.field, change.recipient_id])).toEqual([
			['marketing_message_deliveries', Number(psid)],
			['marketing_message_reads', Number(psid)],
		]);
		expect(changes[0].marketing_message_tracking_id).toBe(response.data.marketing_message_tracking_id);
	});
});
