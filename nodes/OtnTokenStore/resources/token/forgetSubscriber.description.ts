import type { INodeProperties } from 'n8n-workflow';

const showFor = { resource: ['token'], operation: ['forgetSubscriber'] };

export const forgetSubscriberFields: INodeProperties[] = [
	{
		displayName:
			'Input: stored rows (token rows or send log rows). Output: one item per tokenId of this subscriber, for a Delete node matching on tokenId, with what is deleted (topic, title, status, dates, send log rows and campaigns; never the token) for your record.',
		name: 'forgetNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showFor },
	},
	{
		displayName: 'PSID',
		name: 'psid',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1254459154682919',
		description: "The Page-scoped ID of the subscriber whose data is to be deleted",
		displayOptions: { show: showFor },
	},
	{
		displayName: 'Page ID',
		name: 'pageId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 200000000000001',
		description: 'Only rows of this Page. Leave empty for every Page (a PSID belongs to one Page anyway).',
		displayOptions: { show: showFor },
	},
];
