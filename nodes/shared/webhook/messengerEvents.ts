import type { IDataObject } from 'n8n-workflow';

/** The event types the trigger puts out, one item per event. */
export const MESSENGER_EVENT_TYPES = [
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
	// The paid Marketing Message API's webhooks (docs/meta-platform.md §3.5).
	'marketing_message_delivery',
	'marketing_message_read',
	'marketing_message_click',
	'marketing_message_delivery_failed',
] as const;

export type MessengerEventType = (typeof MESSENGER_EVENT_TYPES)[number];

/** Fields every event item has. */
export interface MessengerEventBase extends IDataObject {
	eventId: string;
	type: MessengerEventType | 'invalid';
	pageId: string;
	psid: string | null;
	timestamp: string | null;
	raw: IDataObject;
}

/** One event Meta sent that the trigger could not read; it travels on its own item. */
export interface InvalidEventItem extends MessengerEventBase {
	type: 'invalid';
	/** What the event looked like it was meant to be, so the event filter still applies. */
	intendedType: MessengerEventType | 'unknown';
	error: string;
}

export type MessengerEventItem = MessengerEventBase | InvalidEventItem;
