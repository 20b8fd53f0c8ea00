import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { GraphClient } from '../../../shared/graph/graphClient';
import { graphCallError } from '../../../shared/graph/graphNodeError';
import { simplifyTokenRow } from '../../../shared/simplify/simplifyTokenRow';
import { listMarketingTokens } from './listMarketingTokens';
import { isListedMarketingToken, tokenRowFromMeta } from './tokenRowFromMeta';

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
	const me = await client.credentialPageId();
	if (!me.ok) throw graphCallError(this.getNode(), me.error, itemIndex);
	const pageId = me.body;
	const listing = await listMarketingTokens(client, pageId, limit);
	if (!listing.ok) throw graphCallError(this.getNode(), listing.error, itemIndex);
	const now = new Date();
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	return listing.tokens
		.filter(isListedMarketingToken)
		.map((item) => {
			const row = { ...tokenRowFromMeta(item, pageId, now) } as IDataObject;
			return { json: simplify ? simplifyTokenRow(row) : row, pairedItem: { item: itemIndex } };
		});
}
