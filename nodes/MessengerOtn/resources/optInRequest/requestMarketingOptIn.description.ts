import type { INodeProperties } from 'n8n-workflow';

import { MAX_OPT_IN_TITLE_LENGTH } from '../../../shared/messageLimits';
import {
	DEFAULT_MARKETING_CTA_TEXT,
	DEFAULT_MARKETING_TITLE,
	MARKETING_CTA_TEXTS,
	type MarketingCtaText,
} from '../../../shared/messages/marketingOptInRequest';
import { messagingTypeFields } from '../common/messagingType.description';
import { recipientPsidField } from '../common/recipient.description';
import { topicField } from './topic.description';

const show = { resource: ['optInRequest'], operation: ['requestMarketingOptIn'] };

export const requestMarketingOptInFields: INodeProperties[] = [
	{
		displayName:
			'For Pages that have Marketing Messages. Meta refuses a second request with the same title to the same subscriber within a week.',
		name: 'marketingNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	recipientPsidField(show),
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: `e.g. ${DEFAULT_MARKETING_TITLE}`,
		description: `What the subscriber is asked about, at most ${MAX_OPT_IN_TITLE_LENGTH} characters. Empty: Meta shows "${DEFAULT_MARKETING_TITLE}".`,
		displayOptions: { show },
	},
	topicField(show),
	{
		displayName: 'Button Text',
		name: 'ctaText',
		type: 'options',
		options: (Object.keys(MARKETING_CTA_TEXTS) as MarketingCtaText[])
			.map((value) => ({ name: MARKETING_CTA_TEXTS[value], value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: DEFAULT_MARKETING_CTA_TEXT,
		description: "The opt-in button's words, from Meta's list",
		displayOptions: { show },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Image Aspect Ratio',
				name: 'imageAspectRatio',
				type: 'options',
				options: [
					{ name: 'Horizontal', value: 'HORIZONTAL' },
					{ name: 'Square', value: 'SQUARE' },
				],
				default: 'HORIZONTAL',
			},
			{
				displayName: 'Image URL',
				name: 'imageUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://shop.example/weekly-deals.png',
				description: 'An image shown above the request',
			},
			{
				displayName: 'Timezone',
				name: 'timezone',
				type: 'string',
				default: '',
				placeholder: 'e.g. Europe/Paris',
				description:
					"The subscriber's IANA time zone, sent back with the opt-in and kept on the token row. Empty: Meta assumes UTC.",
			},
		],
	},
	...messagingTypeFields(show, false),
];
