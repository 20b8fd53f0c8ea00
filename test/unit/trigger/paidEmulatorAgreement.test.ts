// The emulator's paid API webhook bodies, byte for byte as it signs them, read by the trigger: the
// flat `changes[]` shape and the 17-digit PSID printed as a JSON number both come through exact.
import { paidDeliveryFailedChange, paidReceiptChange } from '../../../emulator/fixtures/paidWebhookEvents';
import { pageWebhookBody } from '../../../emulator/fixtures/webhookBodies';
import type { PaidMessageRecord } from '../../../emulator/state/paid/paidMessages';
import { metaJson } from '../../../emulator/webhooks/signedBody';
import { MessengerOtnTrigger } from '../../../nodes/MessengerOtnTrigger/MessengerOtnTrigger.node';
import { tokenIdOf } from '../../../nodes/shared/tokens/tokenId';
import { PAID_MESSAGE_EVENT_TYPES } from '../../../nodes/shared/webhook/paidMessageEvents';
import { signedPost } from './fakeWebhookContext';

const AT = Date.parse('2026-11-27T10:00:00.000Z');
const message: PaidMessageRecord = {
	trackingId: '98ecd977-245a-4ec0-a8e0-8b8ecaad8030',
	messageId: 'm_paid',
	campaignId: '120330000000000001',
	adAccountId: '300000000000001',
	pageId: '200000000000001',
	psid: '98765432109876543',
	token: '12348141984909088',
	appId: '100000000000001',
	priceCents: 1,
	at: AT,
	deliveredReportedAt: null,
	readReportedAt: null,
	clickedReportedAt: null,
	failedAt: null,
	failureMessage: null,
};

it("reads the emulator's paid receipts and failure (no field key) as the trigger's paid events, the PSID exact", async () => {
	const changes = [
		paidReceiptChange('delivery', message, AT),
		paidReceiptChange('read', message, AT),
		paidReceiptChange('click', message, AT),
		paidDeliveryFailedChange(message, '555', AT, 'Message expired'),
	];
	const raw = metaJson(pageWebhookBody(changes.map((messaging) => ({ pageId: message.pageId, messaging, inChanges: true })), AT));
	expect(raw).toContain(`"recipient_id":${message.psid}`);
	const result = await new MessengerOtnTrigger().webhook.call(signedPost(raw, { parameters: { events: [...PAID_MESSAGE_EVENT_TYPES] } }).context);
	const items = (result.workflowData?.[0] ?? []).map((item) => item.json);
	expect(items.map((item) => [item.type, item.psid, item.trackingId, item.tokenId, item.campaignId, item.timestamp])).toEqual([
		['marketing_message_delivery', message.psid, message.trackingId, tokenIdOf(message.token), message.campaignId, '2026-11-27T10:00:00.000Z'],
		['marketing_message_read', message.psid, message.trackingId, tokenIdOf(message.token), message.campaignId, '2026-11-27T10:00:00.000Z'],
		// Meta's guide prints clicks without a tracking id: matched by token and campaign instead.
		['marketing_message_click', message.psid, null, tokenIdOf(message.token), message.campaignId, '2026-11-27T10:00:00.000Z'],
		['marketing_message_delivery_failed', null, null, tokenIdOf(message.token), message.campaignId, '2026-11-27T10:00:00.000Z'],
	]);
});
