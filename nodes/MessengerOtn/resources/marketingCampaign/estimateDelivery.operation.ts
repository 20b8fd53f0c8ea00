import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { parseTargetingSpec, TARGETING_SPEC_FIX } from '../../../shared/graph/deliveryEstimateQuery';
import { graphCallError } from '../../../shared/graph/graphNodeError';
import type { MarketingClient } from '../../../shared/graph/marketingClient';

function readTargetingSpec(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const spec = parseTargetingSpec(context.getNodeParameter('targetingSpec', itemIndex, '{}'));
	if (!spec) throw new NodeOperationError(context.getNode(), 'The targeting spec is not a JSON object', { itemIndex, description: TARGETING_SPEC_FIX });
	return spec;
}

/**
 * Meta's delivery estimate for a Page's subscribers (`GET /act_<id>/message_delivery_estimate`,
 * queried as Meta's send-messages guide does, see deliveryEstimateQuery.ts): each entry of Meta's
 * answer (`estimate_delivery_*`, `estimate_cost_*`) as an item, as Meta gives it.
 */
export async function estimateDelivery(this: IExecuteFunctions, client: MarketingClient, itemIndex: number): Promise<INodeExecutionData[]> {
	// extractValue: a picked Page's ID, or the plain ID a workflow saved before the picker.
	const pageId = String(this.getNodeParameter('pageId', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!/^\d+$/.test(pageId)) {
		throw new NodeOperationError(this.getNode(), pageId ? `"${pageId.slice(0, 40)}" is not a Page ID` : 'The Page ID is empty', {
			itemIndex,
			description: "Enter the Facebook Page's ID (digits only), as the Page credential's Page or the trigger's pageId.",
		});
	}
	const result = await client.estimateDelivery(pageId, readTargetingSpec(this, itemIndex));
	if (!result.ok) throw graphCallError(this.getNode(), result.error, itemIndex, 'adAccount');
	const entries = Array.isArray(result.body.data) ? (result.body.data as IDataObject[]) : [result.body];
	return entries.map((entry) => ({ json: { pageId, ...entry }, pairedItem: { item: itemIndex } }));
}
