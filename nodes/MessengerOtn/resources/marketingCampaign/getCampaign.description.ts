import type { INodeProperties } from 'n8n-workflow';

import { campaignIdField } from './campaignFields';

export const getCampaignFields: INodeProperties[] = [campaignIdField({ resource: ['marketingCampaign'], operation: ['get'] })];
