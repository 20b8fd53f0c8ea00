import type { INodeProperties } from 'n8n-workflow';

const showFor = { resource: ['message'], operation: ['sendMessage'] };

export const sendMessageFields: INodeProperties[] = [
	{
		displayName: 'Recipient PSID',
		name: 'psid',
		type: 'string',
		default: '={{ $json.psid }}',
		required: true,
		description:
			"The subscriber's Page-scoped ID. The default reads it from the Messenger OTN Trigger's item.",
		displayOptions: { show: showFor },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		description: 'The message text, at most 2000 characters',
		displayOptions: { show: showFor },
	},
	{
		displayName: 'Messaging Type',
		name: 'messagingType',
		type: 'options',
		options: [
			{
				name: 'Response',
				value: 'RESPONSE',
				description: 'A reply to something the subscriber did in the last 24 hours',
			},
			{
				name: 'Update',
				value: 'UPDATE',
				description: 'A message the Page starts, inside the 24-hour window',
			},
		],
		default: 'RESPONSE',
		displayOptions: { show: showFor },
	},
];
