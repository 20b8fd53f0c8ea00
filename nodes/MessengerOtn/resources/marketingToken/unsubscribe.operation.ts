import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import type { GraphClient } from '../../../shared/graph/graphClient';
import { graphCallError } from '../../../shared/graph/graphNodeError';
import { tokenIdOf } from '../../../shared/tokens/tokenId';
import { unsubscribeEvent } from '../../../shared/tokens/unsubscribeEvent';

type Row = { psid: string } | { subscriber_token: string };

function readRow(context: IExecuteFunctions, itemIndex: number): Row {
	const by = context.getNodeParameter('unsubscribeBy', itemIndex) as 'psid' | 'token';
	const value = String(context.getNodeParameter(by, itemIndex) ?? '').trim();
	if (value) return by === 'psid' ? { psid: value } : { subscriber_token: value };
	throw new NodeOperationError(context.getNode(), by === 'psid' ? 'The PSID is empty' : 'The token is empty', {
		itemIndex,
		description: by === 'psid' ? 'Map the PSID, e.g. {{ $json.psid }} from a token row.' : "Map the token, e.g. {{ $json.token }} from a marketing token row.",
	});
}

/**
 * Unsubscribes one person from the Page's marketing messages (docs/meta-platform.md §3.2,
 * `POST /<PAGE_ID>/messaging_customer_base/unsubscribe`) and puts out the event Apply Event takes
 * to revoke the matching rows.
 */
export async function unsubscribe(this: IExecuteFunctions, client: GraphClient, itemIndex: number): Promise<INodeExecutionData[]> {
	const row = readRow(this, itemIndex);
	const token = 'subscriber_token' in row ? row.subscriber_token : undefined;
	const me = await client.credentialPageId();
	if (!me.ok) throw graphCallError(this.getNode(), me.error, itemIndex);
	const pageId = me.body;
	// The token the request carries never appears in Meta's error.
	const result = await client.call<{ invalid_rows_count?: number }>('POST', `/${pageId}/messaging_customer_base/unsubscribe`, { body: { data: [row] } }, [token]);
	if (!result.ok) throw graphCallError(this.getNode(), result.error, itemIndex);
	const event = unsubscribeEvent({
		pageId,
		psid: 'psid' in row ? row.psid : null,
		tokenId: token === undefined ? null : tokenIdOf(token),
		at: new Date(),
		invalidRowsCount: Number(result.body.invalid_rows_count ?? 0),
	});
	return [{ json: event, pairedItem: { item: itemIndex } }];
}
