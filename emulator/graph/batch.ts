import { batchTooLarge, invalidParameter } from '../fixtures/graphErrors';
import { batchItem, type BatchItemResponse } from '../fixtures/graphResponses';
import { parseForm } from '../http/requestBody';
import { accessTokenOf, authenticate } from './auth';
import { pageUsageHeaders, runGraphCall } from './callPipeline';
import { jsonResponse, splitVersion, type GraphCall, type GraphContext, type GraphOutcome } from './graphCall';
import { GraphError, graphErrorBody } from './graphError';
import { arrayParam } from './params';

/**
 * `POST /` with `batch` (docs/meta-platform.md §4.7): at most 50 items, each one a full Graph call (rate
 * limit, faults). Meta handles the items of a batch side by side: all of them are counted when the
 * batch arrives, in order, and one slow item delays only the answer, not the others. The
 * top-level token and appsecret_proof apply to items that carry none. An item whose injected
 * time-out fires answers `null` after the hang; a dropped connection ends the whole batch.
 */

const MAX_ITEMS = 50;
const ITEM_HEADERS = { 'Content-Type': 'text/javascript; charset=UTF-8' };

export async function runBatch(ctx: GraphContext, call: GraphCall): Promise<GraphOutcome> {
	let items: unknown[];
	let pageId: string | undefined;
	try {
		items = readItems(call);
		const identity = authenticate(ctx.state, call);
		pageId = identity.kind === 'page' ? identity.page.pageId : undefined;
	} catch (error) {
		if (!(error instanceof GraphError)) throw error;
		return jsonResponse(error.spec.status, graphErrorBody(error.spec));
	}
	ctx.state.stats.recordBatch(items.length);
	const includeHeaders = call.params.include_headers !== false && call.params.include_headers !== 'false';
	// Each call starts (and is counted) here, in order; they finish side by side.
	const pending = items.map((item) => {
		const itemCall = toCall(item, call);
		return itemCall instanceof GraphError ? itemCall : runGraphCall(ctx, itemCall);
	});
	const outcomes = await Promise.all(
		pending.map(async (itemOutcome): Promise<BatchItemResponse | null | 'drop'> => {
			if (itemOutcome instanceof GraphError) {
				return batchItem(itemOutcome.spec.status, graphErrorBody(itemOutcome.spec), includeHeaders ? ITEM_HEADERS : undefined);
			}
			const outcome = await itemOutcome;
			if (outcome.kind === 'drop') return 'drop';
			if (outcome.kind === 'timeout') {
				await ctx.sleep(outcome.hangMs);
				return null;
			}
			return batchItem(outcome.status, outcome.body, includeHeaders ? { ...ITEM_HEADERS, ...outcome.headers } : undefined);
		}),
	);
	if (outcomes.includes('drop')) return { kind: 'drop' };
	// The batch's own answer carries the Page's usage after all its items, as single calls do.
	return jsonResponse(200, outcomes as (BatchItemResponse | null)[], pageId === undefined ? {} : pageUsageHeaders(ctx.state, pageId));
}

function readItems(call: GraphCall): unknown[] {
	const items = arrayParam(call.params, 'batch');
	if (!items || items.length === 0) throw new GraphError(invalidParameter('The parameter batch is required and must be a non-empty JSON array'));
	if (items.length > MAX_ITEMS) throw new GraphError(batchTooLarge());
	return items;
}

/** An item `{ method, relative_url, body }`, body url-encoded, as its own call. */
function toCall(item: unknown, batchCall: GraphCall): GraphCall | GraphError {
	if (typeof item !== 'object' || item === null) return new GraphError(invalidParameter('Each batch item must be an object'));
	const { method, relative_url: relativeUrl, body } = item as Record<string, unknown>;
	if (typeof method !== 'string' || !['GET', 'POST', 'DELETE'].includes(method.toUpperCase())) {
		return new GraphError(invalidParameter('Batch item method must be GET, POST or DELETE'));
	}
	if (typeof relativeUrl !== 'string' || relativeUrl.replace(/^\//, '') === '') {
		return new GraphError(invalidParameter('Batch item relative_url is required'));
	}
	if (body !== undefined && typeof body !== 'string') return new GraphError(invalidParameter('Batch item body must be a url-encoded string'));
	const url = new URL(relativeUrl.replace(/^\/?/, '/'), 'http://batch.invalid');
	const params: Record<string, unknown> = { ...Object.fromEntries(url.searchParams), ...parseForm(body ?? '') };
	// The batch's own token, header or parameter, stands in for items that carry none.
	if (params.access_token === undefined) {
		const inherited = accessTokenOf(batchCall);
		if (inherited !== undefined) params.access_token = inherited;
		if (params.appsecret_proof === undefined && batchCall.params.appsecret_proof !== undefined) params.appsecret_proof = batchCall.params.appsecret_proof;
	}
	const { version, path } = splitVersion(url.pathname);
	return { method: method.toUpperCase(), path, version: version ?? batchCall.version, params };
}
