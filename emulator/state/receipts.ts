import { deliveryEvent, readEvent } from '../fixtures/inboundEvents';
import type { EmulatorState } from './emulatorState';
import type { InboundEvent } from './inboundEvents';
import type { SubscriberRecord } from './subscribers';

/**
 * The subscriber's Messenger reports what it received: delivered (`message_deliveries`) and read
 * (`message_reads`), each covering every message received up to now and not reported before.
 * Paid messages are reported under the paid API's own fields instead (paidReceipts.ts).
 */

function received(state: EmulatorState, subscriber: SubscriberRecord) {
	return state.deliveries.list({ pageId: subscriber.pageId, psid: subscriber.psid }).filter((record) => record.via !== 'subscription_token');
}

/**
 * Delivery of the messages received since the last report; none when there is nothing new. Meta's
 * reference prints deliveries without `timestamp`, public code has them with one: a subscriber's
 * reports take turns, the first without, so every receiver meets both.
 */
export function reportDelivered(state: EmulatorState, subscriber: SubscriberRecord): InboundEvent | undefined {
	const messages = received(state, subscriber);
	const fresh = messages.slice(subscriber.receipts.delivered);
	if (fresh.length === 0) return undefined;
	const stamped = subscriber.receipts.deliveryReports % 2 === 1;
	subscriber.receipts.deliveryReports += 1;
	subscriber.receipts.delivered = messages.length;
	const at = state.clock.now();
	const messaging = deliveryEvent(subscriber.pageId, subscriber.psid, stamped ? at : undefined, fresh.map((record) => record.messageId), fresh[fresh.length - 1].at);
	return state.events.push({ pageId: subscriber.pageId, psid: subscriber.psid, kind: 'delivery', at, messaging });
}

/** A message is delivered before it is read: unreported deliveries go first, then the read. */
export function reportRead(state: EmulatorState, subscriber: SubscriberRecord): InboundEvent[] {
	const messages = received(state, subscriber);
	if (messages.length <= subscriber.receipts.read) return [];
	const delivered = reportDelivered(state, subscriber);
	subscriber.receipts.read = messages.length;
	const at = state.clock.now();
	const messaging = readEvent(subscriber.pageId, subscriber.psid, at, messages[messages.length - 1].at);
	const read = state.events.push({ pageId: subscriber.pageId, psid: subscriber.psid, kind: 'read', at, messaging });
	return delivered ? [delivered, read] : [read];
}
