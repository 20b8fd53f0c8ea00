import type { GraphClient } from '../../../shared/graph/graphClient';
import type { GraphError } from '../../../shared/graph/graphError';

/** One entry of `GET /{page-id}/notification_message_tokens` (docs/meta-platform.md §2.5); any field may be missing. */
export interface MetaMarketingToken {
	notification_messages_token?: string;
	recipient_id?: string | number;
	creation_timestamp?: string | number;
	token_expiry_timestamp?: string | number;
	next_eligible_time?: string | number;
	topic_title?: string;
	notification_messages_timezone?: string;
	user_token_status?: string;
}

interface TokenPage {
	data?: MetaMarketingToken[];
	paging?: { cursors?: { after?: string }; next?: string };
}

/** Meta's largest page (docs/meta-platform.md §2.5): the fewest calls for a whole list. */
export const TOKENS_PER_CALL = 1000;

export type TokenListing = { ok: true; tokens: MetaMarketingToken[] } | { ok: false; error: GraphError };

/**
 * The Page's marketing tokens, page after page by the `after` cursor (never by Meta's `next`
 * link, which repeats the access token), up to `limit` or all of them without one.
 */
export async function listMarketingTokens(client: GraphClient, pageId: string, limit?: number): Promise<TokenListing> {
	const tokens: MetaMarketingToken[] = [];
	let after: string | undefined;
	for (;;) {
		const wanted = limit === undefined ? TOKENS_PER_CALL : Math.min(TOKENS_PER_CALL, limit - tokens.length);
		const result = await client.call<TokenPage>('GET', `/${pageId}/notification_message_tokens`, {
			qs: after === undefined ? { limit: wanted } : { limit: wanted, after },
		});
		if (!result.ok) return result;
		const data = result.body.data ?? [];
		tokens.push(...data);
		after = result.body.paging?.cursors?.after;
		const done = limit !== undefined && tokens.length >= limit;
		if (done || data.length === 0 || !result.body.paging?.next || !after) break;
	}
	return { ok: true, tokens: limit === undefined ? tokens : tokens.slice(0, limit) };
}
