import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_TARGETING_SPEC } from '../../../shared/graph/deliveryEstimateQuery';
import { pageIdField } from './campaignFields';

const show = { resource: ['marketingCampaign'], operation: ['estimateDelivery'] };

export const estimateDeliveryFields: INodeProperties[] = [
	pageIdField(show, "The Facebook Page whose subscribers to count; the ad account must be connected to it"),
	{
		displayName: 'Targeting Spec',
		name: 'targetingSpec',
		type: 'json',
		default: DEFAULT_TARGETING_SPEC,
		required: true,
		description:
			"Meta's targeting spec (the Marketing API's targeting_spec) for the subscribers to count, for example the countries they are in; Meta requires one",
		displayOptions: { show },
	},
];
