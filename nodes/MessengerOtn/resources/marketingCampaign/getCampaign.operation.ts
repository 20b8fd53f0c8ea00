import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { graphCallError } from '../../../shared/graph/graphNodeError';
import type { MarketingClient } from '../../../shared/graph/marketingClient';
import { simplifyCampaign } from '../../../shared/simplify/simplifyCampaign';
import { readCampaignId } from './readCampaignId';

/** Reads a message campaign: its status, budgets and schedule, as Meta gives them. */
export async function getCampaign(this: IExecuteFunctions, client: MarketingClient, itemIndex: number): Promise<INodeExecutionData[]> {
	const campaignId = readCampaignId(this, itemIndex);
	const result = await client.getCampaign(campaignId);
	if (!result.ok) throw graphCallError(this.getNode(), result.error, itemIndex, 'adAccount');
	const campaign = { campaignId, ...result.body };
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	return [{ json: simplify ? simplifyCampaign(campaign) : campaign, pairedItem: { item: itemIndex } }];
}
