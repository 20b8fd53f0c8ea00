import type { MessengerEventType } from './messengerEvents';

/** The paid Marketing Message API's Page fields (docs/meta-platform.md §3.5) and the event type each becomes. */
export const PAID_MESSAGE_EVENT_FIELDS = {
	marketing_message_delivery: 'marketing_message_deliveries',
	marketing_message_read: 'marketing_message_reads',
	marketing_message_click: 'marketing_message_clicks',
	marketing_message_delivery_failed: 'marketing_message_delivery_failed',
} as const satisfies Partial<Record<MessengerEventType, string>>;

export type PaidMessageEventType = keyof typeof PAID_MESSAGE_EVENT_FIELDS;

export const PAID_MESSAGE_EVENT_TYPES = Object.keys(PAID_MESSAGE_EVENT_FIELDS) as PaidMessageEventType[];

export function paidEventTypeOfField(field: unknown): PaidMessageEventType | undefined {
	return PAID_MESSAGE_EVENT_TYPES.find((type) => PAID_MESSAGE_EVENT_FIELDS[type] === field);
}

export function isPaidMessageEventType(type: string): type is PaidMessageEventType {
	return (PAID_MESSAGE_EVENT_TYPES as string[]).includes(type);
}
