import type { InboundEventKind } from '../state/inboundEvents';

/** Page webhook fields (docs/meta-platform.md §5.5) and the field each simulated event goes out under. */

/** Every field §5.5 names for a Page; the emulator produces events for nine of them. */
export const PAGE_WEBHOOK_FIELDS = [
	'messages',
	'messaging_postbacks',
	'messaging_optins',
	'message_deliveries',
	'message_reads',
	'message_echoes',
	'messaging_referrals',
	'messaging_policy_enforcement',
	'messaging_handovers',
	'standby',
	'response_feedback',
	'messenger_template_status_update',
	// §3.5: the Marketing Message API's Page fields.
	'marketing_message_echoes',
	'marketing_message_deliveries',
	'marketing_message_reads',
	'marketing_message_clicks',
	'marketing_message_delivery_failed',
	'marketing_messages_subscriber_upload_status',
] as const;

export type PageWebhookField = (typeof PAGE_WEBHOOK_FIELDS)[number];

const FIELD_OF_KIND: Record<InboundEventKind, PageWebhookField> = {
	message: 'messages',
	// A quick reply tap arrives as a message (docs/meta-platform.md §6).
	quick_reply: 'messages',
	postback: 'messaging_postbacks',
	// Opt-ins and marketing stop/resume are all messaging_optins events (§1.4, §2.3).
	optin: 'messaging_optins',
	marketing_stop: 'messaging_optins',
	marketing_resume: 'messaging_optins',
	delivery: 'message_deliveries',
	read: 'message_reads',
	// §3.5: the paid API's receipts, each under its own field.
	marketing_message_delivery: 'marketing_message_deliveries',
	marketing_message_read: 'marketing_message_reads',
	marketing_message_click: 'marketing_message_clicks',
	marketing_message_delivery_failed: 'marketing_message_delivery_failed',
};

export function fieldOfEvent(kind: InboundEventKind): PageWebhookField {
	return FIELD_OF_KIND[kind];
}

export function isPageWebhookField(name: string): name is PageWebhookField {
	return (PAGE_WEBHOOK_FIELDS as readonly string[]).includes(name);
}
