import { expectGraphError, HOUR, send, startHarness, templateTo, type Harness } from './helpers';
import { createCampaign, newPaidSetup, postAct, sendPaid, subscriber, type PaidSetup } from './paidHelpers';

describe('paid API: sending a marketing message (docs/meta-platform.md §3.4, §3.6)', () => {
	let h: Harness;
	let setup: PaidSetup;
	let campaignId: string;
	beforeAll(async () => {
		h = await startHarness();
		setup = await newPaidSetup(h);
		campaignId = await createCampaign(h, setup);
	});
	afterAll(() => h.emulator.close());

	it('answers { success: true, marketing_message_tracking_id } and delivers the message once', async () => {
		const { psid, token } = await subscriber(h, setup);
		const response = await sendPaid(h, setup, campaignId, token, { min_conversation_gap_seconds: 3600 });
		expect(response.status).toBe(200);
		expect(response.data).toEqual({ success: true, marketing_message_tracking_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-/) });
		const trackingId = response.data.marketing_message_tracking_id;
		const received = await h.control.deliveries({ token });
		expect(received).toEqual([expect.objectContaining({ psid, via: 'subscription_token', trackingId, campaignId, message: { text: 'Spring sale: 20% off' } })]);
		const [paid] = await h.control.paid.messages({ token });
		expect(paid).toMatchObject({ trackingId, messageId: received[0].messageId, campaignId, psid, priceCents: 1 });
	});

	it('takes a token from a Notify Me tap on a marketing opt-in request (docs/meta-platform.md §3.1)', async () => {
		const { psid } = await h.control.createSubscriber(setup.page.pageId);
		await h.control.sendsMessage(setup.page.pageId, psid);
		const request = { template_type: 'notification_messages', title: 'Spring deals', payload: 'SPRING' };
		expect((await send(h.graph, setup.page.pageToken, templateTo(psid, request))).status).toBe(200);
		const { token } = await h.control.tapsNotifyMe(setup.page.pageId, psid);
		expect((await sendPaid(h, setup, campaignId, token.token)).status).toBe(200);
	});

	it('sends one message per 12 hours per token (2300035), the wait starting at each send', async () => {
		const { token } = await subscriber(h, setup);
		expect((await sendPaid(h, setup, campaignId, token)).status).toBe(200);
		await h.control.advanceClock(12 * HOUR - 60_000);
		expectGraphError(await sendPaid(h, setup, campaignId, token), { code: 2300035, message: /minimum delay/ });
		await h.control.advanceClock(60_000);
		expect((await sendPaid(h, setup, campaignId, token)).status).toBe(200);
		expectGraphError(await sendPaid(h, setup, campaignId, token), { code: 2300035 });
		expect(await h.control.paid.messages({ token })).toHaveLength(2);
	});

	it('keeps the paid wait apart from the legacy cool-down', async () => {
		const { token } = await subscriber(h, setup);
		expect((await sendPaid(h, setup, campaignId, token)).status).toBe(200);
		const legacy = await send(h.graph, setup.page.pageToken, { recipient: { notification_messages_token: token }, message: { text: 'hi' } });
		expect(legacy.status).toBe(200);
	});

	describe("the subscription token's rules", () => {
		it('an unknown token, or a one-time token, answers 2300004', async () => {
			expectGraphError(await sendPaid(h, setup, campaignId, '12345678901234567'), { code: 2300004 });
			const { psid } = await h.control.createSubscriber(setup.page.pageId);
			const oneTime = await h.control.issueToken(setup.page.pageId, { psid, type: 'one_time', payload: 'X', title: 'X' });
			expectGraphError(await sendPaid(h, setup, campaignId, oneTime.token), { code: 2300004 });
		});

		it("another Page's token answers 2300005", async () => {
			const other = await newPaidSetup(h);
			const theirs = await subscriber(h, other);
			expectGraphError(await sendPaid(h, setup, campaignId, theirs.token), { code: 2300005 });
		});

		it('a subscriber who stopped marketing messages answers 2300034', async () => {
			const { token } = await subscriber(h, setup);
			await h.control.stopMarketing(setup.page.pageId, { token });
			expectGraphError(await sendPaid(h, setup, campaignId, token), { code: 2300034, message: /stopped marketing messages/ });
		});

		it('an expired token answers 2300037 here, and 100 "has expired" on the legacy Send API', async () => {
			const { token } = await subscriber(h, setup);
			const view = await h.control.paid.expireToken(setup.page.pageId, token);
			expect(view.status).toBe('expired');
			expectGraphError(await sendPaid(h, setup, campaignId, token), { code: 2300037 });
			const legacy = await send(h.graph, setup.page.pageToken, { recipient: { notification_messages_token: token }, message: { text: 'hi' } });
			expectGraphError(legacy, { code: 100, message: '(#100) notification_messages_token has expired' });
		});

		it('a subscriber in a region the paid API does not reach answers 2300032', async () => {
			for (const region of ['FR', 'JP', 'KR', 'AU', 'UK']) {
				const { token } = await subscriber(h, setup, region);
				expectGraphError(await sendPaid(h, setup, campaignId, token), { code: 2300032 });
			}
			const { token } = await subscriber(h, setup, 'BR');
			expect((await sendPaid(h, setup, campaignId, token)).status).toBe(200);
		});

		it('a subscriber who cannot receive now answers 2300036', async () => {
			const { psid, token } = await subscriber(h, setup);
			await h.control.paid.setSubscriberReach(setup.page.pageId, psid, { canReceivePaid: false });
			expectGraphError(await sendPaid(h, setup, campaignId, token), { code: 2300036 });
		});

		it('a frequency cap answers its code until it lifts', async () => {
			const { psid, token } = await subscriber(h, setup);
			await h.control.paid.setSubscriberReach(setup.page.pageId, psid, { frequencyCap: { code: 2300043, forMs: HOUR } });
			expectGraphError(await sendPaid(h, setup, campaignId, token), { code: 2300043 });
			await h.control.advanceClock(HOUR);
			expect((await sendPaid(h, setup, campaignId, token)).status).toBe(200);
		});

		it('min_conversation_gap_seconds refuses a send after recent organic activity (2300052)', async () => {
			const { psid, token } = await subscriber(h, setup);
			await h.control.sendsMessage(setup.page.pageId, psid, 'where is my order?');
			const refused = await sendPaid(h, setup, campaignId, token, { min_conversation_gap_seconds: 3600 });
			expectGraphError(refused, { code: 2300052, message: 'This person is not available right now.' });
			await h.control.advanceClock(2 * 60_000);
			expect((await sendPaid(h, setup, campaignId, token, { min_conversation_gap_seconds: 60 })).status).toBe(200);
		});

		it("counts the Page's own replies as organic activity", async () => {
			const { psid, token } = await subscriber(h, setup);
			await h.control.sendsMessage(setup.page.pageId, psid);
			await h.control.advanceClock(2 * HOUR);
			expect((await send(h.graph, setup.page.pageToken, { recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text: 'on its way' } })).status).toBe(200);
			expectGraphError(await sendPaid(h, setup, campaignId, token, { min_conversation_gap_seconds: 3600 }), { code: 2300052 });
		});
	});

	describe("the business's money, terms and regions", () => {
		it('a lifetime budget, a daily budget, the account spending limit and a prepaid balance each run out', async () => {
			const own = await newPaidSetup(h, { pricePerMessageCents: 10 });
			const tokens = await Promise.all([1, 2, 3].map(() => subscriber(h, own)));
			const lifetime = await createCampaign(h, own, { lifetime_budget: 20 });
			expect((await sendPaid(h, own, lifetime, tokens[0].token)).status).toBe(200);
			expect((await sendPaid(h, own, lifetime, tokens[1].token)).status).toBe(200);
			expectGraphError(await sendPaid(h, own, lifetime, tokens[2].token), { code: 2300015 });

			const daily = await createCampaign(h, own, { daily_budget: 10 });
			await h.control.advanceClock(12 * HOUR);
			expect((await sendPaid(h, own, daily, tokens[0].token)).status).toBe(200);
			expectGraphError(await sendPaid(h, own, daily, tokens[1].token), { code: 2300053 });

			const open = await createCampaign(h, own);
			await h.control.paid.updateAdAccount(own.account.adAccountId, { spendCapCents: 30 });
			expectGraphError(await sendPaid(h, own, open, tokens[1].token), { code: 2300054, message: /spending limit/ });

			await h.control.paid.updateAdAccount(own.account.adAccountId, { spendCapCents: null, paymentMethod: 'prepaid', prepaidBalanceCents: 5 });
			expectGraphError(await sendPaid(h, own, open, tokens[1].token), { code: 2300058 });
			const [account] = (await h.control.paid.adAccounts()).filter((record) => record.adAccountId === own.account.adAccountId);
			expect(account.spentCents).toBe(30);
		});

		it('no payment method (2300011), terms not accepted (2300013), an unsupported ad account or Page region (2300030, 2300031)', async () => {
			const own = await newPaidSetup(h);
			const { token } = await subscriber(h, own);
			const campaign = await createCampaign(h, own);
			const id = own.account.adAccountId;
			await h.control.paid.updateAdAccount(id, { paymentMethod: 'none' });
			expectGraphError(await sendPaid(h, own, campaign, token), { code: 2300011 });
			await h.control.paid.updateAdAccount(id, { paymentMethod: 'card', termsAccepted: false });
			expectGraphError(await sendPaid(h, own, campaign, token), { code: 2300013 });
			await h.control.paid.updateAdAccount(id, { termsAccepted: true, region: 'GB' });
			expectGraphError(await sendPaid(h, own, campaign, token), { code: 2300030 });
			await h.control.paid.updateAdAccount(id, { region: 'US' });
			await h.control.paid.setPageRegion(own.page.pageId, 'JP');
			expectGraphError(await sendPaid(h, own, campaign, token), { code: 2300031 });
			await h.control.paid.setPageRegion(own.page.pageId, 'SG');
			expect((await sendPaid(h, own, campaign, token)).status).toBe(200);
		});

		it('a refused send bills nothing and delivers nothing', async () => {
			const own = await newPaidSetup(h);
			const { token } = await subscriber(h, own, 'FR');
			const campaign = await createCampaign(h, own);
			expectGraphError(await sendPaid(h, own, campaign, token), { code: 2300032 });
			expect(await h.control.deliveries({ token })).toEqual([]);
			expect((await h.control.paid.campaigns({ adAccountId: own.account.adAccountId }))[0].spentCents).toBe(0);
		});
	});

	describe('the request', () => {
		it.each([
			['no message_id', { message_id: undefined }, /message_id is required/],
			['no subscription token', { messenger_delivery_data: {} }, /subscription_token/],
			['no message', { message: undefined }, /message is required/],
			['text over 640 characters', { message: { text: 'x'.repeat(641) } }, /at most 640/],
			['an opt-in request template', { message: { attachment: { type: 'template', payload: { template_type: 'notification_messages', payload: 'X' } } } }, /cannot be sent as a marketing message/],
			['a negative conversation gap', { min_conversation_gap_seconds: -1 }, /min_conversation_gap_seconds/],
		])('refuses %s with 100', async (_name, extra, message) => {
			const { token } = await subscriber(h, setup);
			expectGraphError(await sendPaid(h, setup, campaignId, token, extra), { code: 100, message });
		});

		it('takes a form body with JSON strings, as Graph does', async () => {
			const { token } = await subscriber(h, setup);
			const form = new URLSearchParams({
				message_id: campaignId,
				messenger_delivery_data: JSON.stringify({ subscription_token: token }),
				message: JSON.stringify({ text: 'form' }),
			});
			const response = await h.graph.post(`/v25.0/${setup.act}/messages`, form.toString(), {
				headers: { 'content-type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${setup.systemUser.token}` },
			});
			expect(response.status).toBe(200);
		});
	});

	describe('load', () => {
		it('answers 2300078 above the send rate of the ad account', async () => {
			const own = await startHarness({ paidSendRatePerSecond: 2 });
			try {
				const ownSetup = await newPaidSetup(own);
				const ownCampaign = await createCampaign(own, ownSetup);
				const tokens = await Promise.all([1, 2, 3].map(() => subscriber(own, ownSetup)));
				const answers = await Promise.all(tokens.map(({ token }) => sendPaid(own, ownSetup, ownCampaign, token)));
				expect(answers.map((answer) => answer.data.error?.code ?? answer.status).sort()).toEqual([200, 200, 2300078]);
			} finally {
				await own.emulator.close();
			}
		});

		it('answers an injected §3.6 code for the next sends, then as usual', async () => {
			const { token } = await subscriber(h, setup);
			await h.control.paid.injectErrors(setup.account.adAccountId, 2300060, 2);
			expectGraphError(await sendPaid(h, setup, campaignId, token), { code: 2300060, message: /retry later/ });
			expectGraphError(await sendPaid(h, setup, campaignId, token), { code: 2300060 });
			expect((await sendPaid(h, setup, campaignId, token)).status).toBe(200);
		});

		it('rolls the injected faults on paid sends too', async () => {
			const { token } = await subscriber(h, setup);
			await h.control.addFault({ kind: 'http500', phase: 'before', count: 1, scope: 'send' });
			expect((await sendPaid(h, setup, campaignId, token)).status).toBe(500);
			expect((await postAct(h, setup, 'messages', { message_id: campaignId, messenger_delivery_data: { subscription_token: token }, message: { text: 'again' } })).status).toBe(200);
		});
	});
});
