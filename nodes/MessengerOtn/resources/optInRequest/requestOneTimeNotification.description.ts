import type { INodeProperties } from 'n8n-workflow';

import { MAX_OPT_IN_TITLE_LENGTH } from '../../../shared/messageLimits';
import { messagingTypeFields } from '../common/messagingType.description';
import { recipientPsidField } from '../common/recipient.description';
import { topicField } from './topic.description';

const show = { resource: ['optInRequest'], operation: ['requestOneTimeNotification'] };

export const requestOneTimeNotificationFields: INodeProperties[] = [
	recipientPsidField(show),
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Red sneakers are back in stock',
		description: `What the subscriber is asked about, above Messenger's Notify Me button: 1 to ${MAX_OPT_IN_TITLE_LENGTH} characters. Be specific; Meta forbids vague or incentivised requests.`,
		displayOptions: { show },
	},
	topicField(show),
	...messagingTypeFields(show, false),
];
