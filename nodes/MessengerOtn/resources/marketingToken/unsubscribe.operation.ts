import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { classifyGraphError } from '../../../shared/graph/errorTable';
import type { GraphClient } from '../../../shared/graph/graphClient';
import type { GraphError } from '../../../shared/graph/graphError';
import { graphNodeError } from '../../../shared/graph/graphNodeError';
import { redactSecrets } from '../../../shared/redact';
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

/** Meta's error as the item's; a token the request carried never appears in it. */
function failure(context: IExecuteFunctions, error: GraphError, itemIndex: number, token?: string) {
	return graphNodeError(context.getNode(), { error: { ...error, message: redactSecrets(error.message, [token]) }, ...classifyGraphError(error) }, itemIndex);
}

/**
 * Unsubscribes one person from the Page's marketing messages (docs/meta-platform.md §3.2,
 * `POST /<PAGE_ID>/messaging_customer_base/unsubscribe`) and puts out the event Apply Event takes
 * to revoke the matching rows.
 */
export async function unsubscribe(this: IExecuteFunctions, client: GraphClient, itemIndex: number): Promise<INodeExecutionData[]> {
	const row = readRow(this, itemIndex);
	const token = 'subscriber_token' in row ? row.subscriber_token : undefined;
	const me = await client.call<{ id?: string }>('GET', '/me', { qs: { fields: 'id' } });
	if (!me.ok) throw failure(this, me.error, itemIndex);
	const pageId = String(me.body.id ?? '');
	const result = await client.call<{ invalid_rows_count?: number }>('POST', `/${pageId}/messaging_customer_base/unsubscribe`, { body: { data: [row] } });
	if (!result.ok) throw failure(this, result.error, itemIndex, token);
	const event = unsubscribeEvent({
		pageId,
		psid: 'psid' in row ? row.psid : null,
		tokenId: token === undefined ? null : tokenIdOf(token),
		at: new Date(),
		invalidRowsCount: Number(result.body.invalid_rows_count ?? 0),
	});
	return [{ json: event, pairedItem: { item: itemIndex } }];
}
