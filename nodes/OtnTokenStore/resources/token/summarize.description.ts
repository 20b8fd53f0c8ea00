import type { INodeProperties } from 'n8n-workflow';

const showFor = { resource: ['token'], operation: ['summarize'] };

export const summarizeFields: INodeProperties[] = [
	{
		displayName: 'Report',
		name: 'report',
		type: 'options',
		options: [
			{
				name: 'Tokens by Topic and Page',
				value: 'tokens',
				description: 'Available, cooling down, used, expired, revoked and failed tokens, and those expiring soon',
			},
			{
				name: 'Sends by Campaign',
				value: 'campaigns',
				description: 'Sent, delivered, read and clicked per campaign',
			},
		],
		default: 'tokens',
		displayOptions: { show: showFor },
	},
	{
		displayName: 'Rows',
		name: 'rows',
		type: 'options',
		options: [
			{ name: 'Token Rows', value: 'tokenRows', description: 'Rows of the token store; each holds its last send' },
			{ name: 'Send Log Rows', value: 'sendLog', description: "Rows of the send log, one per send" },
		],
		default: 'tokenRows',
		description: 'Which table the input rows come from',
		displayOptions: { show: { ...showFor, report: ['campaigns'] } },
	},
	{
		displayName: 'Expiring Within (Days)',
		name: 'expiringWithinDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'Count available tokens that expire within this many days, to use them before they are lost',
		displayOptions: { show: { ...showFor, report: ['tokens'] } },
	},
];
