import type { IDataObject } from 'n8n-workflow';

import { MessengerOtnTrigger } from '../../../nodes/MessengerOtnTrigger/MessengerOtnTrigger.node';
import { MESSENGER_EVENT_TYPES } from '../../../nodes/shared/webhook/messengerEvents';
import { tokenIdOf } from '../../../nodes/shared/tokens/tokenId';
import { envelope, EVENTS, PAGE_ID, PSID } from '../../fixtures/messengerWebhooks';
import { signedPost } from './fakeWebhookContext';

const trigger = new MessengerOtnTrigger();
const ALL_EVENTS = [...MESSENGER_EVENT_TYPES];

async function items(body: unknown, parameters: IDataObject = { events: ALL_EVENTS }) {
	const result = await trigger.webhook.call(signedPost(body, { parameters }).context);
	return (result.workflowData?.[0] ?? []).map((item) => item.json);
}

describe('Messenger OTN Trigger: events', () => {
	const everyEvent = Object.values(EVENTS);

	it('puts out one item per event of a batch that mixes every type, in order', async () => {
		const out = await items(envelope(everyEvent));
		expect(out.map((item) => item.type)).toEqual([
			'otn_optin',
			'marketing_optin',
			'marketing_stop',
			'marketing_resume',
			'postback',
			'quick_reply',
			'message',
			'delivery',
			'read',
			'referral',
		]);
		for (const item of out) {
			expect(item).toMatchObject({ pageId: PAGE_ID, psid: PSID, timestamp: '2016-03-23T00:25:52.478Z' });
			expect(item.eventId).toMatch(/^evt_[0-9a-f]{32}$/);
			expect(item.raw).toBeDefined();
		}
	});

	it('gives a one-time opt-in everything a token row needs', async () => {
		const [optin] = await items(envelope([EVENTS.otnOptin]));
		expect(optin).toMatchObject({
			type: 'otn_optin',
			tokenType: 'one_time',
			token: 'OTN-TOKEN-1',
			tokenId: tokenIdOf('OTN-TOKEN-1'),
			topic: 'deals',
			title: null,
			optedInAt: '2016-03-23T00:25:52.478Z',
			expiresAt: '2017-03-23T00:25:52.478Z',
		});
		expect(optin.tokenId).not.toContain('OTN-TOKEN-1');
	});

	it('reads marketing opt-ins, stops and resumes with their notification_messages fields', async () => {
		const [optin, stop, resume] = await items(envelope([EVENTS.marketingOptin, EVENTS.marketingStop, EVENTS.marketingResume]));
		expect(optin).toMatchObject({
			type: 'marketing_optin',
			tokenType: 'marketing',
			token: 'MKT-TOKEN-1',
			topic: 'weekly-deals',
			title: 'Weekly deals',
			timezone: 'Europe/Paris',
			expiresAt: '2026-01-01T00:00:00.000Z',
			userTokenStatus: 'NOT_REFRESHED',
		});
		expect(stop).toMatchObject({ type: 'marketing_stop', tokenId: tokenIdOf('MKT-TOKEN-1') });
		expect(resume).toMatchObject({ type: 'marketing_resume', tokenId: tokenIdOf('MKT-TOKEN-1') });
	});

	it('reads postbacks, quick replies, messages, deliveries, reads and referrals', async () => {
		const out = await items(envelope([EVENTS.postback, EVENTS.quickReply, EVENTS.message, EVENTS.delivery, EVENTS.read, EVENTS.referral]));
		expect(out[0]).toMatchObject({ payload: 'OTN_REQ:SKU123', title: 'Notify me', referral: { ref: 'promo', source: 'SHORT-URL', referralType: 'OPEN_THREAD' } });
		expect(out[1]).toMatchObject({ payload: 'GREEN', text: 'Green', mid: 'm_quick' });
		expect(out[2]).toMatchObject({ text: 'Is it back in stock?', attachments: [{ type: 'image' }] });
		expect(out[3]).toMatchObject({ mids: ['m_1', 'm_2'], watermark: '2016-03-23T00:25:52.478Z' });
		expect(out[4]).toMatchObject({ watermark: '2016-03-23T00:25:52.478Z' });
		expect(out[5]).toMatchObject({ ref: 'spring', source: 'SHORTLINK' });
	});

	it('gives a retried delivery the same eventId and tokenId, alone or batched with others', async () => {
		const [first] = await items(envelope([EVENTS.otnOptin]));
		const retried = await items(envelope([EVENTS.postback, EVENTS.otnOptin]));
		expect(retried[1].eventId).toBe(first.eventId);
		expect(retried[1].tokenId).toBe(first.tokenId);
		const [other] = await items(envelope([{ ...EVENTS.otnOptin, optin: { ...EVENTS.otnOptin.optin, one_time_notif_token: 'OTN-TOKEN-2' } }]));
		expect(other.eventId).not.toBe(first.eventId);
		expect(other.tokenId).not.toBe(first.tokenId);
	});

	it('puts out only the chosen events (opt-ins by default)', async () => {
		const out = await items(envelope(Object.values(EVENTS)), { events: ['otn_optin', 'marketing_optin'] });
		expect(out.map((item) => item.type)).toEqual(['otn_optin', 'marketing_optin']);
	});

	it("limits events to the chosen Pages, across the entries of one POST", async () => {
		const body = {
			object: 'page',
			entry: [
				{ id: '111', time: 1, messaging: [{ ...EVENTS.otnOptin, recipient: { id: '111' } }] },
				{ id: '222', time: 1, messaging: [{ ...EVENTS.otnOptin, recipient: { id: '222' } }] },
			],
		};
		expect((await items(body, { events: ['otn_optin'], pageIds: '' })).map((item) => item.pageId)).toEqual(['111', '222']);
		expect((await items(body, { events: ['otn_optin'], pageIds: '222, 333' })).map((item) => item.pageId)).toEqual(['222']);
	});
});
