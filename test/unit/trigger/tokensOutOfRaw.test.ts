import type { IDataObject } from 'n8n-workflow';

import { MessengerOtnTrigger } from '../../../nodes/MessengerOtnTrigger/MessengerOtnTrigger.node';
import { MESSENGER_EVENT_TYPES } from '../../../nodes/shared/webhook/messengerEvents';
import { REDACTED_RAW_TOKEN } from '../../../nodes/shared/webhook/rawWithoutTokens';
import { envelope, EVENTS, PAGE_ID } from '../../fixtures/messengerWebhooks';
import { signedPost } from './fakeWebhookContext';

const trigger = new MessengerOtnTrigger();
const ALL_EVENTS = [...MESSENGER_EVENT_TYPES];
const PAID_TOKEN = '12348141984909088';

async function items(body: unknown) {
	const result = await trigger.webhook.call(signedPost(body, { parameters: { events: ALL_EVENTS } }).context);
	return (result.workflowData?.[0] ?? []).map((item) => item.json);
}

/** The item as n8n stores it, less the one column users can hide. */
function withoutTokenColumn(item: IDataObject): string {
	return JSON.stringify({ ...item, token: undefined });
}

describe('Messenger OTN Trigger: tokens stay in the token column', () => {
	it('declares the token column sensitive, for n8n versions that redact it in stored executions', () => {
		expect(trigger.description.sensitiveOutputFields).toEqual(['token']);
	});

	it('keeps the opt-ins\' tokens out of raw, and the rest of the event in it', async () => {
		const [otn, marketing] = await items(envelope([EVENTS.otnOptin, EVENTS.marketingOptin]));
		expect(otn.token).toBe('OTN-TOKEN-1');
		expect(withoutTokenColumn(otn)).not.toContain('OTN-TOKEN-1');
		expect(otn.raw).toEqual({ ...EVENTS.otnOptin, optin: { ...EVENTS.otnOptin.optin, one_time_notif_token: REDACTED_RAW_TOKEN } });
		expect(marketing.token).toBe('MKT-TOKEN-1');
		expect(withoutTokenColumn(marketing)).not.toContain('MKT-TOKEN-1');
		expect((marketing.raw as { optin: IDataObject }).optin).toMatchObject({ notification_messages_token: REDACTED_RAW_TOKEN, title: 'Weekly deals' });
	});

	it('keeps the token out of an invalid opt-in, which has no token column at all', async () => {
		const [item] = await items(envelope([{ ...EVENTS.otnOptin, timestamp: undefined }]));
		expect(item).toMatchObject({ type: 'invalid', intendedType: 'otn_optin' });
		expect(JSON.stringify(item)).not.toContain('OTN-TOKEN-1');
		expect((item.raw as { optin: IDataObject }).optin).toEqual({ type: 'one_time_notif_req', payload: 'deals', one_time_notif_token: REDACTED_RAW_TOKEN });
	});

	it('keeps the paid API\'s subscription token out of raw, flat (docs/meta-platform.md §3.5) or wrapped in value', async () => {
		const receipt = {
			field: 'marketing_message_deliveries',
			recipient_id: '12312312312312319',
			page_id: PAGE_ID,
			timestamp: 1764244800,
			marketing_message_tracking_id: '98ecd977-245a-4ec0-a8e0-8b8ecaad8030',
			messenger_subscription_token: PAID_TOKEN,
			message_id: '124141414124',
		};
		const { field, ...value } = receipt;
		const noTracking = { ...receipt, marketing_message_tracking_id: undefined };
		const out = await items({ object: 'page', entry: [{ id: PAGE_ID, time: 1764244861000, changes: [receipt, { field, value }, noTracking] }] });
		expect(out.map((item) => item.type)).toEqual(['marketing_message_delivery', 'marketing_message_delivery', 'invalid']);
		for (const item of out) expect(withoutTokenColumn(item)).not.toContain(PAID_TOKEN);
		expect(out[0].raw).toEqual({ ...receipt, messenger_subscription_token: REDACTED_RAW_TOKEN });
		expect(out[1].raw).toEqual({ field, value: { ...value, messenger_subscription_token: REDACTED_RAW_TOKEN } });
	});

	it('keeps the event id of the event Meta sent, so retries still match', async () => {
		const [before] = await items(envelope([EVENTS.otnOptin]));
		const [, again] = await items(envelope([EVENTS.message, EVENTS.otnOptin]));
		expect(again.eventId).toBe(before.eventId);
	});
});
