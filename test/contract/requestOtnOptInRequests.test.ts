// Request OTN's opt-in requests in n8n-core's real engine against the emulator: what the subscriber
// receives, what a Notify Me tap gives back, and the refusals a marketer must understand.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MessengerOtn } from '../../nodes/MessengerOtn/MessengerOtn.node';
import { runNode } from '../harness/n8nEngine';
import { useEmulator, type EmulatedPage } from './emulatorFixture';

const emulator = useEmulator();

const oneTime = {
	resource: 'optInRequest',
	operation: 'requestOneTimeNotification',
	psid: '={{ $json.psid }}',
	title: 'Red sneakers are back in stock',
	topic: '={{ $json.sku }}',
	messagingType: 'RESPONSE',
};

const marketing = {
	resource: 'optInRequest',
	operation: 'requestMarketingOptIn',
	psid: '={{ $json.psid }}',
	title: 'Weekly deals',
	topic: 'weekly-deals',
	ctaText: 'SIGN_UP',
	options: { imageUrl: 'https://shop.example/deals.png', imageAspectRatio: 'SQUARE', timezone: 'Europe/Paris' },
	messagingType: 'RESPONSE',
};

function run(page: EmulatedPage, parameters: INodeParameters, input: IDataObject[], onError?: 'continueErrorOutput') {
	return runNode({ node: new MessengerOtn(), parameters, input, credentials: page.credentials, onError });
}

describe('Request OTN: Request One-Time Notification', () => {
	it('sends the Notify Me request, and the tap gives back a token for the topic', async () => {
		const page = await emulator.newPage();
		const psid = await emulator.activeSubscriber(page.pageId);
		const result = await run(page, oneTime, [{ psid, sku: 'restock:red-sneakers' }]);
		expect(result.error).toBeUndefined();

		const [received] = await emulator.control.deliveries({ pageId: page.pageId, psid });
		expect(received.message).toEqual({
			attachment: {
				type: 'template',
				payload: { template_type: 'one_time_notif_req', title: 'Red sneakers are back in stock', payload: 'restock:red-sneakers' },
			},
		});
		expect(received.messagingType).toBe('RESPONSE');
		expect(result.outputs[0]).toEqual([
			{
				json: {
					operation: 'requestOneTimeNotification',
					psid,
					messageId: received.messageId,
					topic: 'restock:red-sneakers',
					title: 'Red sneakers are back in stock',
				},
				pairedItem: { item: 0 },
			},
		]);

		const tap = await emulator.control.tapsNotifyMe(page.pageId, psid);
		expect(tap.event.messaging).toMatchObject({ optin: { type: 'one_time_notif_req', payload: 'restock:red-sneakers' } });
	});

	it('may ask the same subscriber again about the same topic: each Notify Me is its own token', async () => {
		const page = await emulator.newPage();
		const psid = await emulator.activeSubscriber(page.pageId);
		const first = await run(page, oneTime, [{ psid, sku: 'restock:red' }]);
		const firstToken = (await emulator.control.tapsNotifyMe(page.pageId, psid)).token.token;
		const second = await run(page, oneTime, [{ psid, sku: 'restock:red' }]);
		const secondToken = (await emulator.control.tapsNotifyMe(page.pageId, psid)).token.token;
		expect([first.error, second.error]).toEqual([undefined, undefined]);
		expect(secondToken).not.toBe(firstToken);
		const tokens = await emulator.control.tokens(page.pageId);
		expect(tokens.map((token) => [token.type, token.payload, token.status])).toEqual([
			['one_time', 'restock:red', 'available'],
			['one_time', 'restock:red', 'available'],
		]);
	});

	it('sends a subscriber outside the window to the error output with what to do instead, and asks the others', async () => {
		const page = await emulator.newPage();
		const active = await emulator.activeSubscriber(page.pageId);
		const { psid: silent } = await emulator.control.createSubscriber(page.pageId);
		const result = await run(page, oneTime, [{ psid: silent, sku: 'deals' }, { psid: active, sku: 'deals' }], 'continueErrorOutput');
		const [asked, failed] = result.outputs;
		expect(asked.map((item) => [item.json.psid, item.pairedItem])).toEqual([[active, { item: 1 }]]);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 0 });
		expect(failed[0].json.error).toMatch(/^The subscriber's 24-hour window is closed.*Ask for a one-time notification or marketing messages opt-in the next time they write/);
		expect(failed[0].json.details).toMatch(/code 10, subcode 2018278, HTTP 400, fbtrace_id \S+/);
	});

	it('refuses a title over 65 characters before calling Meta, saying the limit', async () => {
		const page = await emulator.newPage();
		const psid = await emulator.activeSubscriber(page.pageId);
		const result = await run(page, { ...oneTime, title: 'x'.repeat(66) }, [{ psid, sku: 'deals' }]);
		expect(result.error?.message).toBe('Title has 66 characters; Messenger allows 1 to 65 characters');
		expect(await emulator.control.deliveries({ pageId: page.pageId })).toHaveLength(0);
	});
});

describe('Request OTN: Request Marketing Messages Opt-In', () => {
	it('sends the request with its options, and the tap gives back a marketing token with title and time zone', async () => {
		const page = await emulator.newPage();
		const psid = await emulator.activeSubscriber(page.pageId);
		const result = await run(page, marketing, [{ psid }]);
		expect(result.error).toBeUndefined();

		const [received] = await emulator.control.deliveries({ pageId: page.pageId, psid });
		expect(received.message).toEqual({
			attachment: {
				type: 'template',
				payload: {
					template_type: 'notification_messages',
					payload: 'weekly-deals',
					title: 'Weekly deals',
					image_url: 'https://shop.example/deals.png',
					image_aspect_ratio: 'SQUARE',
					notification_messages_cta_text: 'SIGN_UP',
					notification_messages_timezone: 'Europe/Paris',
				},
			},
		});
		expect(result.outputs[0][0].json).toEqual({
			operation: 'requestMarketingOptIn',
			psid,
			messageId: received.messageId,
			topic: 'weekly-deals',
			title: 'Weekly deals',
		});

		const tap = await emulator.control.tapsNotifyMe(page.pageId, psid);
		expect(tap.event.messaging).toMatchObject({
			optin: { type: 'notification_messages', payload: 'weekly-deals', title: 'Weekly deals', notification_messages_timezone: 'Europe/Paris' },
		});
	});

	it("says in a marketer's words that Meta refuses a second request with the same title (613/1893016), and asks the others", async () => {
		const page = await emulator.newPage();
		const asked = await emulator.activeSubscriber(page.pageId);
		const fresh = await emulator.activeSubscriber(page.pageId);
		await run(page, marketing, [{ psid: asked }]);

		const again = await run(page, marketing, [{ psid: asked }, { psid: fresh }], 'continueErrorOutput');
		const [sent, failed] = again.outputs;
		expect(sent.map((item) => item.json.psid)).toEqual([fresh]);
		expect(failed[0].pairedItem).toEqual({ item: 0 });
		expect(failed[0].json.error).toBe(
			'This subscriber was already asked for marketing messages with this title in the last 7 days, and Meta refuses the same request twice: ask again after a week, or about another topic with a title of its own',
		);
		expect(failed[0].json.details).toMatch(/code 613, subcode 1893016/);

		const otherTopic = await run(page, { ...marketing, title: 'Flash sales', topic: 'flash-sales' }, [{ psid: asked }]);
		expect(otherTopic.error).toBeUndefined();
		expect((await emulator.control.deliveries({ pageId: page.pageId, psid: asked })).length).toBe(2);
	});

	it("leaves an empty title to Meta, whose default title then counts for the weekly rule", async () => {
		const page = await emulator.newPage();
		const psid = await emulator.activeSubscriber(page.pageId);
		const first = await run(page, { ...marketing, title: '' }, [{ psid }]);
		expect(first.outputs[0][0].json.title).toBe('Updates and promotions');
		const subscriber = await emulator.control.subscriber(page.pageId, psid);
		expect(subscriber.lastOptInRequest?.title).toBe('Updates and promotions');
		const second = await run(page, { ...marketing, title: '' }, [{ psid }]);
		expect(second.error?.message).toMatch(/already asked for marketing messages with this title/);
	});
});
