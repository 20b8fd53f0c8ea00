import type { IDataObject } from 'n8n-workflow';

import { MessengerOtnTrigger } from '../../../nodes/MessengerOtnTrigger/MessengerOtnTrigger.node';
import { subscribedFields, SUBSCRIBED_FIELDS } from '../../../nodes/MessengerOtnTrigger/subscribedFields';
import { tokenIdOf } from '../../../nodes/shared/tokens/tokenId';
import { PAID_MESSAGE_EVENT_TYPES } from '../../../nodes/shared/webhook/paidMessageEvents';
import { signedPost } from './fakeWebhookContext';

const trigger = new MessengerOtnTrigger();
const PAGE_ID = '140984918491243';
// 17 digits: past what a JavaScript number holds exactly.
const PSID = '12312312312312319';
const TOKEN = '12348141984909088';
const TRACKING_ID = '98ecd977-245a-4ec0-a8e0-8b8ecaad8030';

/** docs/meta-platform.md §3.5, the delivery sample, with ids as the numbers Meta prints. */
function receipt(field: string, extra = ''): string {
	return `{"field":"${field}","recipient_id":${PSID},"page_id":${PAGE_ID},"app_id":12313123123123,"timestamp":1764244800,"mid":"mid.$c12312312312312","marketing_message_tracking_id":"${TRACKING_ID}","messenger_subscription_token":"${TOKEN}","message_id":"124141414124"${extra}}`;
}

const failure = `{"field":"marketing_message_delivery_failed","app_id":12313123123123,"business_id":5550001,"page_id":${PAGE_ID},"messenger_subscription_token":"${TOKEN}","timestamp":1764244860,"error_message":"Message expired","message_id":"124141414124"}`;

const body = (changes: string[]) => `{"object":"page","entry":[{"id":"${PAGE_ID}","time":1764244861000,"changes":[${changes.join(',')}]}]}`;

async function items(raw: string, parameters: IDataObject = { events: [...PAID_MESSAGE_EVENT_TYPES] }) {
	const result = await trigger.webhook.call(signedPost(raw, { parameters }).context);
	return (result.workflowData?.[0] ?? []).map((item) => item.json);
}

describe('Messenger OTN Trigger: the paid Marketing Message API webhooks (docs/meta-platform.md §3.5)', () => {
	it('puts out deliveries, reads and clicks with the tracking id, token, mid, Page and the exact PSID', async () => {
		const out = await items(body([receipt('marketing_message_deliveries'), receipt('marketing_message_reads'), receipt('marketing_message_clicks')]));
		expect(out.map((item) => item.type)).toEqual(['marketing_message_delivery', 'marketing_message_read', 'marketing_message_click']);
		expect(out[0]).toMatchObject({
			type: 'marketing_message_delivery',
			pageId: PAGE_ID,
			psid: PSID,
			timestamp: '2025-11-27T12:00:00.000Z',
			trackingId: TRACKING_ID,
			token: TOKEN,
			tokenId: tokenIdOf(TOKEN),
			mid: 'mid.$c12312312312312',
			campaignId: '124141414124',
			appId: '12313123123123',
		});
		expect(out[0].eventId).toMatch(/^evt_[0-9a-f]{32}$/);
		expect(new Set(out.map((item) => item.eventId)).size).toBe(3);
	});

	it('puts out a failed delivery with its token, campaign and reason, and no PSID', async () => {
		const [item] = await items(body([failure]));
		expect(item).toMatchObject({
			type: 'marketing_message_delivery_failed',
			pageId: PAGE_ID,
			psid: null,
			trackingId: null,
			tokenId: tokenIdOf(TOKEN),
			campaignId: '124141414124',
			businessId: '5550001',
			error: 'Message expired',
			timestamp: '2025-11-27T12:01:00.000Z',
		});
	});

	it('reads the { field, value } form of Graph changes as well', async () => {
		const wrapped = `{"field":"marketing_message_reads","value":${receipt('marketing_message_reads')}}`;
		const [item] = await items(body([wrapped]));
		expect(item).toMatchObject({ type: 'marketing_message_read', trackingId: TRACKING_ID, psid: PSID });
	});

	it('reports a receipt without a tracking id, or a failure without a token, as an invalid item', async () => {
		const noTracking = receipt('marketing_message_deliveries').replace(`"marketing_message_tracking_id":"${TRACKING_ID}",`, '');
		const noToken = failure.replace(`"messenger_subscription_token":"${TOKEN}",`, '');
		const out = await items(body([noTracking, noToken]));
		expect(out).toEqual([
			expect.objectContaining({ type: 'invalid', intendedType: 'marketing_message_delivery', error: 'The event carries no marketing_message_tracking_id' }),
			expect.objectContaining({ type: 'invalid', intendedType: 'marketing_message_delivery_failed', error: 'The failed delivery carries no messenger_subscription_token' }),
		]);
	});

	it('starts nothing for paid events the trigger was not asked for, and ignores other change fields', async () => {
		expect(await items(body([receipt('marketing_message_clicks')]), { events: ['marketing_message_read'] })).toEqual([]);
		expect(await items(body(['{"field":"feed","value":{"item":"post"}}']))).toEqual([]);
	});

	it('reads messaging events and changes of one entry together', async () => {
		const mixed = `{"object":"page","entry":[{"id":"${PAGE_ID}","time":1,"messaging":[{"sender":{"id":"${PSID}"},"recipient":{"id":"${PAGE_ID}"},"timestamp":1764244800000,"read":{"watermark":1764244800000}}],"changes":[${receipt('marketing_message_deliveries')}]}]}`;
		const out = await items(mixed, { events: ['read', 'marketing_message_delivery'] });
		expect(out.map((item) => [item.type, item.psid])).toEqual([
			['read', PSID],
			['marketing_message_delivery', PSID],
		]);
	});
});

describe('Messenger OTN Trigger: the fields it subscribes', () => {
	it('adds a paid API field only when its event is picked', () => {
		expect(subscribedFields(['otn_optin', 'read'])).toEqual(SUBSCRIBED_FIELDS);
		expect(subscribedFields(['marketing_message_read', 'marketing_message_delivery_failed'])).toEqual([
			...SUBSCRIBED_FIELDS,
			'marketing_message_reads',
			'marketing_message_delivery_failed',
		]);
	});
});
