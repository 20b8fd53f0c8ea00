import type { INodeProperties } from 'n8n-workflow';

const show = { resource: ['marketingToken'], operation: ['unsubscribe'] };

export const unsubscribeFields: INodeProperties[] = [
	{
		displayName:
			'Meta unsubscribes the person from all marketing messages of the Page and sends no webhook. Connect the output to OTN Token Store: Apply Event (Event: {{ $json }}) to revoke their rows.',
		name: 'unsubscribeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Unsubscribe By',
		name: 'unsubscribeBy',
		type: 'options',
		options: [
			{ name: 'PSID', value: 'psid', description: "The subscriber's Page-scoped ID" },
			{ name: 'Subscription Token', value: 'token', description: "A marketing token of the subscriber (the token row's token)" },
		],
		default: 'psid',
		displayOptions: { show },
	},
	{
		displayName: 'PSID',
		name: 'psid',
		type: 'string',
		default: '={{ $json.psid }}',
		required: true,
		description: "The subscriber's Page-scoped ID, from a token row or the Messenger OTN Trigger's item",
		displayOptions: { show: { ...show, unsubscribeBy: ['psid'] } },
	},
	{
		displayName: 'Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		default: '={{ $json.token }}',
		required: true,
		description: "A marketing token of the subscriber, from a token row's token",
		displayOptions: { show: { ...show, unsubscribeBy: ['token'] } },
	},
];
