import type { INodeProperties } from 'n8n-workflow';

import { requestMarketingOptInFields } from './requestMarketingOptIn.description';
import { requestOneTimeNotificationFields } from './requestOneTimeNotification.description';

export const optInRequestDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['optInRequest'] } },
		options: [
			{
				name: 'Request Marketing Messages Opt-In',
				value: 'requestMarketingOptIn',
				action: 'Request marketing messages opt in',
				description:
					'Send the marketing messages opt-in request (notification_messages template) to a subscriber active in the last 24 hours',
			},
			{
				name: 'Request One-Time Notification',
				value: 'requestOneTimeNotification',
				action: 'Request one time notification',
				description:
					'Send the one-time notification request (Notify Me button) about a topic to a subscriber active in the last 24 hours',
			},
		],
		default: 'requestOneTimeNotification',
	},
	...requestOneTimeNotificationFields,
	...requestMarketingOptInFields,
];
