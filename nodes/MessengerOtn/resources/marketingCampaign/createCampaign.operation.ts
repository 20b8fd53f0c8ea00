import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { graphCallError } from '../../../shared/graph/graphNodeError';
import type { MarketingClient } from '../../../shared/graph/marketingClient';
import { messageCampaignProblems, type CampaignBudget, type MessageCampaignInput } from '../../../shared/graph/messageCampaign';

function optionalDate(context: IExecuteFunctions, name: string, itemIndex: number): Date | null {
	const value = context.getNodeParameter(name, itemIndex, '') as string | Date | null;
	return value === '' || value === null || value === undefined ? null : new Date(value);
}

function readCampaign(context: IExecuteFunctions, itemIndex: number): MessageCampaignInput {
	const budgetType = context.getNodeParameter('budgetType', itemIndex) as 'daily' | 'lifetime' | 'none';
	const budget: CampaignBudget = budgetType === 'none' ? null : { kind: budgetType, cents: Number(context.getNodeParameter('budgetCents', itemIndex)) };
	const options = context.getNodeParameter('options', itemIndex, {}) as { pixelId?: string };
	return {
		name: String(context.getNodeParameter('name', itemIndex) ?? ''),
		// extractValue: a picked Page's ID, or the plain ID a workflow saved before the picker.
		pageId: String(context.getNodeParameter('pageId', itemIndex, '', { extractValue: true }) ?? '').trim(),
		budget,
		startTime: optionalDate(context, 'startTime', itemIndex),
		endTime: optionalDate(context, 'endTime', itemIndex),
		pixelId: options.pixelId?.trim() || null,
	};
}

/**
 * Creates a message campaign of the paid Marketing Message API (docs/meta-platform.md §3.3) under the
 * credential's ad account, after every check that needs no call; puts out its id with what was set.
 */
export async function createCampaign(this: IExecuteFunctions, client: MarketingClient, itemIndex: number): Promise<INodeExecutionData[]> {
	const campaign = readCampaign(this, itemIndex);
	const problems = messageCampaignProblems(campaign, new Date());
	if (problems.length > 0) {
		throw new NodeOperationError(this.getNode(), `The campaign cannot be created: ${problems[0]}`, {
			itemIndex,
			description: `${problems.join('. ')}. Correct the campaign's fields.`,
		});
	}
	const result = await client.createCampaign(campaign);
	if (!result.ok) throw graphCallError(this.getNode(), result.error, itemIndex, 'adAccount');
	const { id, ...notes } = result.body as { id: string } & IDataObject;
	const json: IDataObject = {
		campaignId: String(id),
		name: campaign.name.trim(),
		pageId: campaign.pageId,
		adAccountId: `act_${client.adAccountId}`,
		budgetType: campaign.budget?.kind ?? 'none',
		budgetCents: campaign.budget?.cents ?? null,
		startTime: campaign.startTime?.toISOString() ?? null,
		endTime: campaign.endTime?.toISOString() ?? null,
		// Meta may add an "info" or "warning" (for instance a budget below its estimate).
		...notes,
	};
	return [{ json, pairedItem: { item: itemIndex } }];
}
