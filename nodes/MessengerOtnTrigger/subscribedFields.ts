import { isPaidMessageEventType, PAID_MESSAGE_EVENT_FIELDS } from '../shared/webhook/paidMessageEvents';

/** Fields an app subscribes to on activation, whatever events are picked (docs/meta-platform.md §5.5). */
export const SUBSCRIBED_FIELDS = [
	'messages',
	'messaging_postbacks',
	'messaging_optins',
	'message_deliveries',
	'message_reads',
];

/**
 * The fields to subscribe for the picked events: the Messenger fields always, and a paid Marketing
 * Message API field (docs/meta-platform.md §3.5) only when its event is picked, so an app without that API's
 * permissions is never asked for a field Meta may refuse it.
 */
export function subscribedFields(events: string[]): string[] {
	return [...SUBSCRIBED_FIELDS, ...events.filter(isPaidMessageEventType).map((type) => PAID_MESSAGE_EVENT_FIELDS[type])];
}
