import type { IDataObject } from 'n8n-workflow';

import { tokenIdOf } from '../tokens/tokenId';
import { eventIdOf } from './eventId';
import type { MessengerEventItem } from './messengerEvents';
import { paidEventTypeOfField, type PaidMessageEventType } from './paidMessageEvents';
import { asObject, nonEmptyText, type Raw } from './rawValues';
import { isoFromMetaTime } from './timestamps';


/**
 * Which receipt a change is. Meta's send-messages guide prints its delivery-failed sample without a
 * `field` key, so a change without one that carries `error_message` is read as a failed delivery
 * rather than dropped (and reported invalid when it names no subscription token).
 */
function paidEventTypeOf(change: Raw, values: Raw): PaidMessageEventType | undefined {
	if (change.field !== undefined) return paidEventTypeOfField(change.field);
	return values.error_message !== undefined ? 'marketing_message_delivery_failed' : undefined;
}

/**
 * One entry of a webhook's `changes[]` (docs/meta-platform.md §3.5, §5.2) as a flat item, or null when it is
 * not one of the paid Marketing Message API's receipts. The guide prints the values flat beside
 * `field`; Graph's other Page fields wrap them in `value`: both are read.
 *
 * Deliveries and reads name the message by `marketing_message_tracking_id` (the send's answer).
 * The guide's click sample has no tracking id: such a click is matched by its subscription token
 * and `message_id`, the campaign the send went out under, as a failed delivery is (it carries no
 * tracking id and no recipient either).
 */
export function normalizeChange(entryPageId: string, rawChange: unknown): MessengerEventItem | null {
	const change = asObject(rawChange);
	if (!change) return null;
	const values = asObject(change.value) ?? change;
	const type = paidEventTypeOf(change, values);
	if (!type) return null;
	const pageId = nonEmptyText(values.page_id) ?? entryPageId;
	const token = nonEmptyText(values.messenger_subscription_token);
	const base = {
		eventId: eventIdOf(entryPageId || pageId, rawChange),
		pageId,
		psid: nonEmptyText(values.recipient_id),
		timestamp: isoFromMetaTime(values.timestamp),
		raw: change as IDataObject,
	};
	const fields = {
		trackingId: nonEmptyText(values.marketing_message_tracking_id),
		token,
		tokenId: token === null ? null : tokenIdOf(token),
		mid: nonEmptyText(values.mid),
		campaignId: nonEmptyText(values.message_id),
		appId: nonEmptyText(values.app_id),
	};
	const failure = type === 'marketing_message_delivery_failed';
	const problem = !base.timestamp
		? 'The event has no valid timestamp'
		: failure
			? token === null && 'The failed delivery carries no messenger_subscription_token'
			: type === 'marketing_message_click'
				? fields.trackingId === null && token === null && 'The click carries neither a marketing_message_tracking_id nor a messenger_subscription_token'
				: fields.trackingId === null && 'The event carries no marketing_message_tracking_id';
	if (problem) return { ...base, type: 'invalid', intendedType: type, error: problem };
	return failure
		? { ...base, type, ...fields, businessId: nonEmptyText(values.business_id), error: nonEmptyText(values.error_message) ?? 'Meta did not say why' }
		: { ...base, type, ...fields };
}
