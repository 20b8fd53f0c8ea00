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
	{
		displayName: 'Repeat Request Check',
		name: 'repeatCheck',
		type: 'collection',
		placeholder: 'Add Check',
		default: {},
		description: 'Refuse, before sending, a request the subscriber has already answered: Meta forbids several opt-in requests with the same topic to one person',
		displayOptions: { show },
		options: [
			{
				displayName: 'Ask Again After (Days)',
				name: 'askAgainAfterDays',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: "Also refuse while the subscriber's last opt-in for this topic is more recent than this many days. 0 refuses only while they hold an unused, unexpired token for the topic.",
			},
			{
				displayName: "Subscriber's Token Rows",
				name: 'subscriberRows',
				type: 'json',
				default: '',
				placeholder: "e.g. {{ $('Find Subscriber Rows').all().map(item => item.json) }}",
				description: "The subscriber's token rows from your store (e.g. a Data Table Get with psid = the recipient). The request is refused when they hold an unused, unexpired one-time token for the same topic. Empty: no check.",
			},
		],
	},
];
