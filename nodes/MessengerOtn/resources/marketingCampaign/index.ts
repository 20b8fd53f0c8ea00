import type { INodeProperties } from 'n8n-workflow';

import { createCampaignFields } from './createCampaign.description';
import { estimateDeliveryFields } from './estimateDelivery.description';
import { getCampaignFields } from './getCampaign.description';

export const marketingCampaignDescription: INodeProperties[] = [
	{
		displayName:
			"Meta's paid Marketing Message API: a campaign under the Messenger OTN Marketing API credential's ad account. Each message sent under it is billed to that account.",
		name: 'marketingCampaignNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['marketingCampaign'] } },
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['marketingCampaign'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create marketing message campaign',
				description: 'Create a message campaign with a budget and a schedule, for sending paid marketing messages',
			},
			{
				name: 'Estimate Delivery',
				value: 'estimateDelivery',
				action: 'Estimate marketing message delivery',
				description: "Ask Meta how many of a Page's subscribers marketing messages can reach",
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get marketing message campaign',
				description: "Read a campaign's status, budget and schedule",
			},
		],
		default: 'create',
	},
	...createCampaignFields,
	...getCampaignFields,
	...estimateDeliveryFields,
];
