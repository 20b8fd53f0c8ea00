import type { INodeProperties } from 'n8n-workflow';

import { pageIdField } from './campaignFields';

const show = { resource: ['marketingCampaign'], operation: ['create'] };

export const createCampaignFields: INodeProperties[] = [
	{
		displayName: 'Campaign Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Spring sale',
		displayOptions: { show },
	},
	pageIdField(show, 'The Facebook Page that sends the messages; the ad account must be connected to it'),
	{
		displayName: 'Budget Type',
		name: 'budgetType',
		type: 'options',
		options: [
			{ name: 'Daily', value: 'daily', description: 'The most to spend each day' },
			{ name: 'Lifetime', value: 'lifetime', description: 'The most to spend over the whole campaign' },
			{ name: 'None', value: 'none', description: 'Let Meta set a daily cap' },
		],
		default: 'lifetime',
		description: 'Meta bills each delivered message to the ad account, up to this budget',
		displayOptions: { show },
	},
	{
		displayName: 'Budget (Cents)',
		name: 'budgetCents',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 5000,
		required: true,
		description: "In cents of the ad account's currency: 5000 is 50.00",
		displayOptions: { show: { ...show, budgetType: ['daily', 'lifetime'] } },
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		description: 'When sending may begin, at most 30 days ahead. Leave empty to start now.',
		displayOptions: { show },
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		description: "When the campaign ends, at most 30 days after its start. Leave empty for Meta's default (30 days after the start for a lifetime budget).",
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
				displayName: 'Meta Pixel ID',
				name: 'pixelId',
				type: 'string',
				default: '',
				description: "Attribute website conversions to the campaign with this Pixel. Without it, Meta uses the ad account's only active Pixel, if it has exactly one.",
			},
		],
	},
];
