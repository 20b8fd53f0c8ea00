import type { INodeProperties } from 'n8n-workflow';

import { simplifyParameter } from '../../../shared/simplify/simplifyParameter';
import { campaignIdField } from './campaignFields';

const show = { resource: ['marketingCampaign'], operation: ['get'] };

export const getCampaignFields: INodeProperties[] = [campaignIdField(show), simplifyParameter(show)];
