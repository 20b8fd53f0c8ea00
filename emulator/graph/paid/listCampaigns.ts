import { invalidParameter } from '../../fixtures/graphErrors';
import { nonexistingField } from '../../fixtures/paidApiErrors';
import { campaignNode, UnknownField } from '../../fixtures/paidApiResponses';
import { accessTokenOf } from '../auth';
import type { Identity } from '../auth';
import { jsonResponse, type GraphCall, type GraphContext, type GraphResponse } from '../graphCall';
import { GraphError } from '../graphError';
import { requestedFields } from '../params';
import { requireAdAccount, requirePermission, requireSystemUser } from './adAccountAccess';

/**
 * `GET /act_<id>/campaigns`: the ad account's campaigns (Marketing API, the ad account's campaigns
 * edge), newest first, `limit` default 25 and at most 100, cursor paging. Meta lists every campaign
 * of the account; the emulator only has message campaigns.
 */

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;

export function listCampaigns(ctx: GraphContext, identity: Identity, call: GraphCall, objectId: string): GraphResponse {
	const account = requireAdAccount(ctx.state, identity, call.method, objectId);
	requirePermission(requireSystemUser(identity), ['ads_management', 'ads_read']);
	const limit = readLimit(call.params.limit);
	const all = ctx.state.paid.campaigns.list({ adAccountId: account.adAccountId }).sort((a, b) => b.createdAt - a.createdAt || b.campaignId.localeCompare(a.campaignId));
	const start = call.params.after === undefined ? 0 : decodeCursor(call.params.after);
	const pageItems = all.slice(start, start + limit);
	const fields = requestedFields(call.params) ?? ['id'];
	const now = ctx.state.clock.now();
	const data = pageItems.map((campaign) => readable(() => campaignNode(campaign, now, fields)));
	if (pageItems.length === 0) return jsonResponse(200, { data });
	const paging: Record<string, unknown> = { cursors: { before: encodeCursor(start), after: encodeCursor(start + pageItems.length) } };
	if (start + pageItems.length < all.length) paging.next = nextLink(ctx, call, objectId, limit, start + pageItems.length);
	return jsonResponse(200, { data, paging });
}

/** A field a Campaign does not have is Graph's 100, as for a single campaign's read. */
function readable(read: () => Record<string, unknown>): Record<string, unknown> {
	try {
		return read();
	} catch (error) {
		if (error instanceof UnknownField) throw new GraphError(nonexistingField(error.field, error.nodeType));
		throw error;
	}
}

function readLimit(value: unknown): number {
	if (value === undefined) return DEFAULT_LIMIT;
	const limit = Number(value);
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new GraphError(invalidParameter(`Param limit must be an integer between 1 and ${MAX_LIMIT}`));
	return limit;
}

function encodeCursor(offset: number): string {
	return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeCursor(value: unknown): number {
	const match = /^offset:(\d+)$/.exec(Buffer.from(String(value), 'base64url').toString('utf8'));
	if (!match) throw new GraphError(invalidParameter('Param after is not a valid cursor'));
	return Number(match[1]);
}

/** Like Meta's, the next link repeats the query, access token included. */
function nextLink(ctx: GraphContext, call: GraphCall, objectId: string, limit: number, offset: number): string {
	const query = new URLSearchParams();
	const token = accessTokenOf(call);
	if (token) query.set('access_token', token);
	if (typeof call.params.fields === 'string') query.set('fields', call.params.fields);
	query.set('limit', String(limit));
	query.set('after', encodeCursor(offset));
	const version = call.version ? `/${call.version}` : '';
	return `${ctx.baseUrl}${version}/${objectId}/campaigns?${query.toString()}`;
}
