import type { IDataObject, IExecuteFunctions, INodeExecutionData, NodeApiError } from 'n8n-workflow';

import type { GraphClient } from '../../../shared/graph/graphClient';
import { classifyGraphError } from '../../../shared/graph/errorTable';
import type { GraphError } from '../../../shared/graph/graphError';
import { graphNodeError } from '../../../shared/graph/graphNodeError';
import { simplifyTokenRow } from '../../../shared/simplify/simplifyTokenRow';
import { listMarketingTokens } from './listMarketingTokens';
import { isListedMarketingToken, tokenRowFromMeta } from './tokenRowFromMeta';

function itemError(context: IExecuteFunctions, error: GraphError, itemIndex: number): NodeApiError {
	return graphNodeError(context.getNode(), { error, ...classifyGraphError(error) }, itemIndex);
}

/**
 * Reads the credential Page's marketing tokens from Meta and puts out one token row each, so a team
 * can rebuild or reconcile its marketing rows. An entry without a token or a PSID (Meta gives
 * neither only for custom-audience queries, which this node does not make) is left out.
 */
export async function getMarketingTokens(
	this: IExecuteFunctions,
	client: GraphClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const me = await client.call<{ id?: string }>('GET', '/me', { qs: { fields: 'id' } });
	if (!me.ok) throw itemError(this, me.error, itemIndex);
	const pageId = String(me.body.id ?? '');
	const listing = await listMarketingTokens(client, pageId, limit);
	if (!listing.ok) throw itemError(this, listing.error, itemIndex);
	const now = new Date();
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	return listing.tokens
		.filter(isListedMarketingToken)
		.map((item) => {
			const row = { ...tokenRowFromMeta(item, pageId, now) } as IDataObject;
			return { json: simplify ? simplifyTokenRow(row) : row, pairedItem: { item: itemIndex } };
		});
}
