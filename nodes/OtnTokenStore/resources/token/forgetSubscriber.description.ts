import type { INodeProperties } from 'n8n-workflow';

import { pageIdField, psidField } from './subscriberFields';

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
	psidField(showFor, { required: true, description: 'The Page-scoped ID of the subscriber whose data is to be deleted' }),
	pageIdField(showFor, 'Only rows of this Page. Leave empty for every Page (a PSID belongs to one Page anyway).'),
];
