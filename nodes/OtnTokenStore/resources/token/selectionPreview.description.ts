import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_RATE_PER_SECOND } from '../../../OtnBroadcast/broadcastDescription';

/** Select for Broadcast's preview options, each placed where the alphabetical option list puts it. */
export const audiencePreviewOption: INodeProperties = {
	displayName: 'Audience Preview',
	name: 'audiencePreview',
	type: 'boolean',
	default: false,
	description:
		'Whether to put out one item with the figures of the selection (eligible by topic, token type, Page and expiry month; cooling down and until when; how long the sends take) instead of the rows. Nothing goes to the second output.',
};

export const previewRateOption: INodeProperties = {
	displayName: 'Preview Send Rate (Messages per Second)',
	name: 'previewRatePerSecond',
	type: 'number',
	typeOptions: { minValue: 0.1, numberPrecision: 1 },
	default: DEFAULT_RATE_PER_SECOND,
	description: "The rate the Audience Preview's campaign duration is worked out at: set it to OTN Broadcast's Send Rate",
};
