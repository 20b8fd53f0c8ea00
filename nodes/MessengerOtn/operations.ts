import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createGraphClient, type GraphClient } from '../shared/graph/graphClient';
import { createMarketingClient, type MarketingClient } from '../shared/graph/marketingClient';
import { createCampaign } from './resources/marketingCampaign/createCampaign.operation';
import { estimateDelivery } from './resources/marketingCampaign/estimateDelivery.operation';
import { getCampaign } from './resources/marketingCampaign/getCampaign.operation';
import { getMarketingTokens } from './resources/marketingToken/getMarketingTokens.operation';
import { unsubscribe } from './resources/marketingToken/unsubscribe.operation';
import { sendMessage } from './resources/message/sendMessage.operation';
import { requestMarketingOptIn } from './resources/optInRequest/requestMarketingOptIn.operation';
import { requestOneTimeNotification } from './resources/optInRequest/requestOneTimeNotification.operation';

/** One input item in, its output items out (each paired with it); failures are thrown. */
export type Operation = (this: IExecuteFunctions, client: GraphClient, itemIndex: number) => Promise<INodeExecutionData[]>;

/** The same, for the paid Marketing Message API's operations (the marketing credential). */
export type CampaignOperation = (this: IExecuteFunctions, client: MarketingClient, itemIndex: number) => Promise<INodeExecutionData[]>;

/** resource → operation → what runs it, with the Page credential. */
export const OPERATIONS: Record<string, Record<string, Operation>> = {
	message: { sendMessage },
	optInRequest: { requestOneTimeNotification, requestMarketingOptIn },
	marketingToken: { getAll: getMarketingTokens, unsubscribe },
};

/** Marketing Campaign's operations, with the Messenger OTN Marketing API credential. */
export const CAMPAIGN_OPERATIONS: Record<string, CampaignOperation> = { create: createCampaign, get: getCampaign, estimateDelivery };

export type ItemRunner = (itemIndex: number) => Promise<INodeExecutionData[]>;

/** The chosen operation bound to its client, made once per execution; undefined when unknown. */
export async function operationRunner(context: IExecuteFunctions, resource: string, operation: string): Promise<ItemRunner | undefined> {
	if (resource === 'marketingCampaign') {
		const run = CAMPAIGN_OPERATIONS[operation];
		if (!run) return undefined;
		const client = await createMarketingClient(context);
		return (itemIndex) => run.call(context, client, itemIndex);
	}
	const run = OPERATIONS[resource]?.[operation];
	if (!run) return undefined;
	const client = await createGraphClient(context);
	return (itemIndex) => run.call(context, client, itemIndex);
}
