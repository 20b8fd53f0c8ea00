import type { INodeProperties } from 'n8n-workflow';

import { pageIdField } from './campaignFields';

export const estimateDeliveryFields: INodeProperties[] = [
	pageIdField({ resource: ['marketingCampaign'], operation: ['estimateDelivery'] }, "The Facebook Page whose subscribers to count; the ad account must be connected to it"),
];
