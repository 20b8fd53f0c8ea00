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
		// A string (not a JSON editor, which flags an empty value): saved values, expressions or JSON
		// text, are strings either way and read as before.
		type: 'string',
		// Empty reads the event from the Messenger OTN Trigger upstream, whatever it is named.
		default: '',
		placeholder: "e.g. {{ $('Messenger OTN Trigger').item.json }}",
		description:
			"Leave empty to use the Messenger OTN Trigger item (stop, resume, delivery, read, or a paid marketing message's delivery, read, click or failure) the input rows were looked up for, found whatever the trigger is named. For Request OTN's Unsubscribe item, or an event from elsewhere, set an expression that gives that item.",
		displayOptions: { show: showFor },
	},
];
