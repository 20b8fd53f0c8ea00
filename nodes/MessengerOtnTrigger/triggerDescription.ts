import type { INodeProperties } from 'n8n-workflow';

import { MESSENGER_EVENT_TYPES, type MessengerEventType } from '../shared/webhook/messengerEvents';

const EVENT_LABELS: Record<MessengerEventType, { name: string; description: string }> = {
	otn_optin: { name: 'One-Time Notification Opt-In', description: 'A subscriber tapped Notify Me: carries the one-time token' },
	marketing_optin: { name: 'Marketing Messages Opt-In', description: 'A subscriber allowed marketing messages: carries the marketing token' },
	marketing_stop: { name: 'Marketing Messages Stopped', description: 'A subscriber stopped marketing messages for a topic' },
	marketing_resume: { name: 'Marketing Messages Resumed', description: 'A subscriber resumed marketing messages for a topic' },
	postback: { name: 'Postback', description: 'A subscriber tapped a postback button' },
	quick_reply: { name: 'Quick Reply', description: 'A subscriber tapped a quick reply' },
	message: { name: 'Message', description: 'A subscriber sent text or attachments' },
	delivery: { name: 'Delivery', description: 'Messenger delivered messages the Page sent' },
	read: { name: 'Read', description: 'A subscriber read messages up to a time' },
	referral: { name: 'Referral', description: 'A subscriber came in through an m.me link, ad or QR code' },
	marketing_message_delivery: { name: 'Paid Marketing Message Delivered', description: 'Meta delivered a message sent through the paid Marketing Message API: carries its tracking ID' },
	marketing_message_read: { name: 'Paid Marketing Message Read', description: 'A subscriber read a message sent through the paid Marketing Message API' },
	marketing_message_click: { name: 'Paid Marketing Message Clicked', description: 'A subscriber clicked a message sent through the paid Marketing Message API' },
	marketing_message_delivery_failed: {
		name: 'Paid Marketing Message Failed',
		description: 'Meta could not deliver a message sent through the paid Marketing Message API: carries the token and the reason',
	},
};

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Meta sends every webhook of an app to one callback URL. Use one Messenger OTN Trigger per Meta app, pick all the events your flow needs, and branch with a Switch node on the item\'s "type".',
		name: 'oneCallbackNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: MESSENGER_EVENT_TYPES.map((value) => ({ value, ...EVENT_LABELS[value] })).sort((a, b) =>
			a.name.localeCompare(b.name),
		),
		default: ['otn_optin', 'marketing_optin'],
		description: 'Which events start the workflow; each event is one item',
	},
	{
		displayName: 'Page IDs',
		name: 'pageIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 200000000000001, 200000000000002',
		description:
			'Only events of these Pages (comma-separated). Leave empty for every Page of the app. Each item carries its pageId either way.',
	},
	{
		displayName: 'Subscribe on Activation',
		name: 'subscribeOnActivation',
		type: 'boolean',
		default: true,
		description:
			"Whether to point the app's Page webhooks at this workflow and subscribe the credential's Page when the workflow is activated, and remove both when it is deactivated. Turn off to manage the subscription in Meta's App Dashboard yourself.",
	},
	{
		displayName: 'Verify Token',
		name: 'verifyToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			"The token Meta's handshake must present. Leave empty when the trigger subscribes the app itself: it then uses a token derived from the App Secret and this node's webhook ID. Set your own when you enter the callback URL in Meta's App Dashboard by hand, and type the same value there.",
	},
];
