import type { INodeProperties } from 'n8n-workflow';

import { sendMessageFields } from './sendMessage.description';

export const messageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send Message',
				value: 'sendMessage',
				action: 'Send message inside 24 hour window',
				description:
					'Send text, buttons, an image, audio, video, a file (from a URL or binary data) or a generic template, with quick replies, to a subscriber who wrote to the Page in the last 24 hours',
			},
		],
		default: 'sendMessage',
	},
	...sendMessageFields,
];
