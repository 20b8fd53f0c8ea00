import { performance } from 'perf_hooks';

import { injectedServerError, rateLimited } from '../fixtures/graphErrors';
import type { FaultRule } from '../load/faults';
import { authenticate, statsKeyOf, type Identity } from './auth';
import { jsonResponse, type GraphCall, type GraphContext, type GraphOutcome, type GraphResponse } from './graphCall';
import { GraphError, graphErrorBody } from './graphError';
import { isMediaSend, isSendCall, routeGraphCall } from './routes';

/**
 * One Graph call through the emulator: authenticate, count it against the Page's rate limit,
 * roll the injected faults (before or after processing), process, answer.
 */
export async function runGraphCall(ctx: GraphContext, call: GraphCall): Promise<GraphOutcome> {
	const { state } = ctx;
	let identity: Identity;
	try {
		identity = authenticate(state, call);
	} catch (error) {
		return errorResponse(error);
	}
	const pageId = identity.kind === 'page' ? identity.page.pageId : undefined;
	const statsKey = statsKeyOf(identity);
	const now = performance.now();
	const overLimit =
		pageId !== undefined && (!state.rateLimiter.tryCall(pageId, now) || (isMediaSend(call) && !state.mediaRateLimiter.tryCall(pageId, now)));
	if (pageId !== undefined && overLimit) {
		state.stats.record(statsKey, 'rateLimited', now);
		return jsonResponse(400, graphErrorBody(rateLimited()), usageHeader(ctx, pageId, now));
	}
	state.stats.record(statsKey, 'accepted', now);

	const fault = state.faults.pick(pageId, isSendCall(call), state.random);
	if (fault?.phase === 'before') return injectFault(ctx, statsKey, fault);
	let response: GraphResponse;
	try {
		response = await routeGraphCall(ctx, identity, call);
	} catch (error) {
		response = errorResponse(error);
	}
	if (fault) return injectFault(ctx, statsKey, fault);
	const headers = pageId === undefined ? {} : usageHeader(ctx, pageId, now);
	return { ...response, headers: { ...headers, ...response.headers } };
}

function errorResponse(error: unknown): GraphResponse {
	if (!(error instanceof GraphError)) throw error;
	return jsonResponse(error.spec.status, graphErrorBody(error.spec));
}

function injectFault(ctx: GraphContext, statsKey: string, fault: FaultRule): GraphOutcome {
	ctx.state.stats.recordFault(statsKey);
	if (fault.kind === 'timeout') return { kind: 'timeout', hangMs: fault.hangMs };
	if (fault.kind === 'drop') return { kind: 'drop' };
	return jsonResponse(500, graphErrorBody(injectedServerError(fault.errorCode)));
}

/** reference §4.6: X-Business-Use-Case-Usage keyed by Page id, call_count as a percentage. */
function usageHeader(ctx: GraphContext, pageId: string, now: number): Record<string, string> {
	const usage = { type: 'messenger', call_count: ctx.state.rateLimiter.usagePercent(pageId, now), total_cputime: 0, total_time: 0, estimated_time_to_regain_access: 0 };
	return { 'X-Business-Use-Case-Usage': JSON.stringify({ [pageId]: [usage] }) };
}
