import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { GraphClient } from '../shared/graph/graphClient';
import { getMarketingTokens } from './resources/marketingToken/getMarketingTokens.operation';
import { sendMessage } from './resources/message/sendMessage.operation';
import { requestMarketingOptIn } from './resources/optInRequest/requestMarketingOptIn.operation';
import { requestOneTimeNotification } from './resources/optInRequest/requestOneTimeNotification.operation';

/** One input item in, its output items out (each paired with it); failures are thrown. */
export type Operation = (this: IExecuteFunctions, client: GraphClient, itemIndex: number) => Promise<INodeExecutionData[]>;

/** resource → operation → what runs it. */
export const OPERATIONS: Record<string, Record<string, Operation>> = {
	message: { sendMessage },
	optInRequest: { requestOneTimeNotification, requestMarketingOptIn },
	marketingToken: { getAll: getMarketingTokens },
};
