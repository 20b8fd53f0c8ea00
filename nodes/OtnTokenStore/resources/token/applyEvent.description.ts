import type { INodeProperties } from 'n8n-workflow';

const showFor = { resource: ['token'], operation: ['applyEvent'] };

export const applyEventFields: INodeProperties[] = [
	{
		displayName:
			"Input: the stored rows of the event's subscriber (e.g. Data Table Get where psid is {{ $json.psid }}). Output: one item per row that changes, with its key (tokenId; for the send log also campaign) and only the changed columns, for an Update node matching on that key.",
		name: 'applyEventNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showFor },
	},
	{
		displayName: 'Rows',
		name: 'rows',
		type: 'options',
		options: [
			{ name: 'Token Rows', value: 'tokenRows', description: 'Rows of the token store' },
			{ name: 'Send Log Rows', value: 'sendLog', description: "Rows of the send log (the broadcast's sent items)" },
		],
		default: 'tokenRows',
		description: 'Which table the input rows come from',
		displayOptions: { show: showFor },
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'json',
		default: "={{ $('Messenger OTN Trigger').item.json }}",
		required: true,
		description:
			'The Messenger OTN Trigger item of the stop, resume, delivery or read. The default reads it from the trigger through the node that looked up the rows; change the node name if yours differs.',
		displayOptions: { show: showFor },
	},
];
