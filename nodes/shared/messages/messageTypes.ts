/**
 * The Messenger `message` objects this package sends, as Meta's Send API takes them
 * (docs/meta-platform.md §1.3, §2.2, §4.2, §6). Type aliases, not interfaces, so they fit n8n's IDataObject as they are.
 */

export type QuickReply = { content_type: 'text'; title: string; payload: string; image_url?: string };

export type Button =
	| { type: 'postback'; title: string; payload: string }
	| { type: 'web_url'; title: string; url: string };

export type GenericElement = { title: string; subtitle?: string; image_url?: string; buttons?: Button[] };

export type ButtonTemplate = { template_type: 'button'; text: string; buttons: Button[] };

export type GenericTemplate = { template_type: 'generic'; elements: GenericElement[] };

export type OneTimeNotificationRequestTemplate = { template_type: 'one_time_notif_req'; title: string; payload: string };

export type MarketingOptInRequestTemplate = {
	template_type: 'notification_messages';
	payload: string;
	title?: string;
	image_url?: string;
	image_aspect_ratio?: string;
	notification_messages_cta_text?: string;
	notification_messages_timezone?: string;
};

export type TemplatePayload =
	| ButtonTemplate
	| GenericTemplate
	| OneTimeNotificationRequestTemplate
	| MarketingOptInRequestTemplate;

export type MediaKind = 'image' | 'audio' | 'video' | 'file';

/** Media that Meta downloads from a URL, or that was uploaded before and is named by its attachment id. */
export type MediaPayload = { url: string } | { attachment_id: string };

export type Attachment = { type: 'template'; payload: TemplatePayload } | { type: MediaKind; payload: MediaPayload };

export type MessengerMessage =
	| { text: string; quick_replies?: QuickReply[] }
	| { attachment: Attachment; quick_replies?: QuickReply[] };
