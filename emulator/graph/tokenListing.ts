import { invalidParameter } from '../fixtures/graphErrors';
import { tokenListItem } from '../fixtures/graphResponses';
import type { PageRecord } from '../state/directory';
import type { MarketingTokenRecord } from '../state/tokens';
import { accessTokenOf } from './auth';
import { jsonResponse, type GraphCall, type GraphContext, type GraphResponse } from './graphCall';
import { GraphError } from './graphError';
import { requestedFields } from './params';

/**
 * `GET /{page-id}/notification_message_tokens` (docs/meta-platform.md §2.5): the Page's marketing tokens,
 * oldest first, `limit` default 100 and at most 1000, cursor paging. Stopped (or unsubscribed) and
 * expired tokens are not listed (undocumented: strictest reading — they are not usable subscriptions).
 */

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

export function listMarketingTokens(ctx: GraphContext, page: PageRecord, call: GraphCall): GraphResponse {
	const limit = readLimit(call.params.limit);
	const afterSeq = call.params.after === undefined ? 0 : decodeCursor(call.params.after);
	const all = ctx.state.tokens
		.listForPage(page.pageId)
		.filter((token): token is MarketingTokenRecord => token.type === 'marketing' && token.stoppedAt === null && token.expiredAt === null && token.seq > afterSeq);
	const pageItems = all.slice(0, limit);
	const fields = requestedFields(call.params);
	const data = pageItems.map((token) => pick(tokenListItem(token), fields));
	if (pageItems.length === 0) return jsonResponse(200, { data });

	const paging: Record<string, unknown> = {
		cursors: { before: encodeCursor(pageItems[0].seq), after: encodeCursor(pageItems[pageItems.length - 1].seq) },
	};
	if (all.length > limit) paging.next = nextLink(ctx, page, call, limit, pageItems[pageItems.length - 1].seq);
	return jsonResponse(200, { data, paging });
}

function readLimit(value: unknown): number {
	if (value === undefined) return DEFAULT_LIMIT;
	const limit = Number(value);
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
		throw new GraphError(invalidParameter(`Param limit must be an integer between 1 and ${MAX_LIMIT}`));
	}
	return limit;
}

function encodeCursor(seq: number): string {
	return Buffer.from(`seq:${seq}`).toString('base64url');
}

function decodeCursor(value: unknown): number {
	const match = /^seq:(\d+)$/.exec(Buffer.from(String(value), 'base64url').toString('utf8'));
	if (!match) throw new GraphError(invalidParameter('Param after is not a valid cursor'));
	return Number(match[1]);
}

function pick(item: Record<string, string | number>, fields: string[] | undefined): Record<string, string | number> {
	if (!fields) return item;
	return Object.fromEntries(Object.entries(item).filter(([name]) => fields.includes(name)));
}

/** Like Meta's, the next link repeats the query, access token included. */
function nextLink(ctx: GraphContext, page: PageRecord, call: GraphCall, limit: number, lastSeq: number): string {
	const query = new URLSearchParams();
	const token = accessTokenOf(call);
	if (token) query.set('access_token', token);
	if (typeof call.params.appsecret_proof === 'string') query.set('appsecret_proof', call.params.appsecret_proof);
	if (typeof call.params.fields === 'string') query.set('fields', call.params.fields);
	query.set('limit', String(limit));
	query.set('after', encodeCursor(lastSeq));
	const version = call.version ? `/${call.version}` : '';
	return `${ctx.baseUrl}${version}/${page.pageId}/notification_message_tokens?${query.toString()}`;
}
