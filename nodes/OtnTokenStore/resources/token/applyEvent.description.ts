import type { INodeProperties } from 'n8n-workflow';

const showFor = { resource: ['token'], operation: ['applyEvent'] };

export const applyEventFields: INodeProperties[] = [
	{
		displayName:
			"Input: the stored rows the event is about: the subscriber's (e.g. Data Table Get where psid is {{ $json.psid }}), or for a paid marketing message's delivery, read, click or failure the token's (where tokenId is {{ $json.tokenId }}). Output: one item per row that changes, with its key (tokenId; for the send log also campaign) and only the changed columns, for an Update node matching on that key.",
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
			"The Messenger OTN Trigger item of the stop, resume, delivery or read, or of a paid marketing message's delivery, read, click or failure; or Request OTN's Unsubscribe item. The default reads it from the trigger through the node that looked up the rows; change the node name if yours differs.",
		displayOptions: { show: showFor },
	},
];
