/**
 * The paid Marketing Message API's receipts. The delivery is the sample Meta's send-messages guide
 * prints; for the read, the click and the failure this corpus holds no whole copy (README: "not
 * found"), so they are built from that delivery by the one difference the guide shows for each: a
 * read has no `mid`, a click no `marketing_message_tracking_id` and no `app_id`, a failure no
 * `field` key (and `business_id` and `error_message` instead of the recipient and tracking id).
 */
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { applyEvent, sendLogRow } from './applyEvent';
import { sampleJson, triggerItems, webhookBytes } from './metaSamples';

const FILE = 'webhooks/paid-delivery.meta-send-messages.json';
const delivery = sampleJson<Record<string, unknown>>(FILE);
const TOKEN = String(delivery.messenger_subscription_token);
const TRACKING_ID = String(delivery.marketing_message_tracking_id);
const CAMPAIGN = String(delivery.message_id);
const PAGE = '140984918491243';
const PSID = '123123123123';
// The guide's 11-digit timestamp reads as seconds; every send below went out before it.
const SENT = '2026-11-27T10:00:00.000Z';

function without(values: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
	return Object.fromEntries(Object.entries(values).filter(([key]) => !keys.includes(key)));
}

const envelope = (change: Record<string, unknown>) => JSON.stringify({ object: 'page', entry: [{ id: PAGE, time: 1458692752478, changes: [change] }] });

const rows = () => [
	sendLogRow({ campaign: CAMPAIGN, token: TOKEN, pageId: PAGE, psid: PSID, messageId: TRACKING_ID, sentAt: SENT }),
	sendLogRow({ campaign: 'another-campaign', token: 'ANOTHER-TOKEN', pageId: PAGE, psid: '555', messageId: 'another-tracking-id', sentAt: SENT }),
];

describe("paid marketing message receipts (Meta's send-messages guide)", () => {
	it("the guide's delivery sample marks the send log row with its tracking id delivered, and no other", async () => {
		const [item] = await triggerItems(webhookBytes(FILE));
		expect(item).toMatchObject({ type: 'marketing_message_delivery', pageId: PAGE, psid: PSID, trackingId: TRACKING_ID, tokenId: tokenIdOf(TOKEN), campaignId: CAMPAIGN });
		const updates = applyEvent(item, rows());
		expect(updates).toEqual([{ key: { campaign: CAMPAIGN, tokenId: tokenIdOf(TOKEN) }, set: { deliveredAt: item.timestamp }, itemIndexes: [0] }]);
	});

	it('a read without mid marks the row read', async () => {
		const [item] = await triggerItems(envelope(without({ ...delivery, field: 'marketing_message_reads' }, 'mid')));
		expect(item).toMatchObject({ type: 'marketing_message_read', trackingId: TRACKING_ID, mid: null });
		expect(applyEvent(item, rows())[0]).toMatchObject({ set: { readAt: item.timestamp } });
	});

	it('a click without tracking id or app_id marks the send of its token under its campaign clicked', async () => {
		const [item] = await triggerItems(envelope(without({ ...delivery, field: 'marketing_message_clicks' }, 'marketing_message_tracking_id', 'app_id')));
		expect(item).toMatchObject({ type: 'marketing_message_click', trackingId: null, tokenId: tokenIdOf(TOKEN), campaignId: CAMPAIGN });
		expect(applyEvent(item, rows())).toEqual([
			{ key: { campaign: CAMPAIGN, tokenId: tokenIdOf(TOKEN) }, set: { deliveredAt: item.timestamp, readAt: item.timestamp, clickedAt: item.timestamp }, itemIndexes: [0] },
		]);
	});

	it('a failure without a field key is read as a failed delivery and marks the send of its token failed', async () => {
		const failure = {
			app_id: delivery.app_id,
			business_id: 5555555555,
			page_id: delivery.page_id,
			messenger_subscription_token: TOKEN,
			timestamp: delivery.timestamp,
			error_message: 'Message expired',
			message_id: CAMPAIGN,
		};
		const [item] = await triggerItems(envelope(failure));
		expect(item).toMatchObject({ type: 'marketing_message_delivery_failed', tokenId: tokenIdOf(TOKEN), campaignId: CAMPAIGN, psid: null, error: 'Message expired' });
		expect(applyEvent(item, rows())).toEqual([
			{ key: { campaign: CAMPAIGN, tokenId: tokenIdOf(TOKEN) }, set: { failedAt: item.timestamp, error: expect.stringContaining('Message expired') }, itemIndexes: [0] },
		]);
	});
});
