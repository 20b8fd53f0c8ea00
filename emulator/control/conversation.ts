import type { EmulatorState } from '../state/emulatorState';
import type { DeliveryRecord } from '../state/deliveries';
import type { InboundEvent } from '../state/inboundEvents';
import type { SubscriberRecord } from '../state/subscribers';
import type { ConversationEntry, ConversationView } from './controlTypes';

/**
 * One subscriber's conversation with a Page: their messages, taps, opt-ins and stops (inbound
 * events) merged with what the Page sent them (deliveries), oldest first. Delivery and read
 * receipts are left out: the subscriber never sees them as messages.
 */
export function conversationOf(state: EmulatorState, subscriber: SubscriberRecord): ConversationView {
	const { pageId, psid } = subscriber;
	const inbound = state.events.list({ pageId }).filter((event) => event.psid === psid && event.kind !== 'delivery' && event.kind !== 'read');
	const outbound = state.deliveries.list({ pageId, psid });
	return { subscriber, entries: merge(inbound, outbound) };
}

const USER_ACTIONS = new Set(['message', 'postback', 'quick_reply']);

/**
 * Each side is already in order; only their interleaving is unknown, and within one millisecond
 * the times cannot tell it. Then: a message or tap comes before the Page's answer; an opt-in,
 * stop or resume answers the Page, so it comes after, except that a send with a token comes
 * after the opt-in that issued the token.
 */
function merge(inbound: InboundEvent[], outbound: DeliveryRecord[]): ConversationEntry[] {
	const issuedAt = new Map<string, number>();
	inbound.forEach((event, index) => {
		const token = event.kind === 'optin' ? issuedToken(event) : undefined;
		if (token) issuedAt.set(token, index);
	});
	// Whether the subscriber's next event goes before the Page's next message.
	const inboundFirst = (event: InboundEvent, delivery: DeliveryRecord, index: number): boolean => {
		if (event.at !== delivery.at) return event.at < delivery.at;
		if (USER_ACTIONS.has(event.kind)) return true;
		return delivery.token !== undefined && (issuedAt.get(delivery.token) ?? -1) >= index;
	};
	const entries: ConversationEntry[] = [];
	let i = 0;
	let o = 0;
	while (i < inbound.length || o < outbound.length) {
		if (o === outbound.length || (i < inbound.length && inboundFirst(inbound[i], outbound[o], i))) {
			const event = inbound[i++];
			entries.push({ from: 'subscriber', at: event.at, event });
		} else {
			const delivery = outbound[o++];
			entries.push({ from: 'page', at: delivery.at, delivery });
		}
	}
	return entries;
}

function issuedToken(event: InboundEvent): string | undefined {
	const optin = event.messaging.optin as Record<string, unknown> | undefined;
	const token = optin?.one_time_notif_token ?? optin?.notification_messages_token;
	return typeof token === 'string' ? token : undefined;
}
