import { performance } from 'perf_hooks';

import { adAccountScoreReached, injectedServerError, messengerBudgetSpent, rateLimited } from '../fixtures/graphErrors';
import { READ_POINTS, WRITE_POINTS } from '../load/adAccountScore';
import type { EmulatorState } from '../state/emulatorState';
import type { FaultRule } from '../load/faults';
import { authenticate, statsKeyOf, type Identity } from './auth';
import { jsonResponse, type GraphCall, type GraphContext, type GraphOutcome, type GraphResponse } from './graphCall';
import { GraphError, graphErrorBody } from './graphError';
import { AD_ACCOUNT_PREFIX, isAdAccountPath } from './paid/adAccountAccess';
import { isMediaSend, isSendCall, routeGraphCall } from './routes';

/**
 * One Graph call through the emulator: authenticate, count it against the Page's 24-hour budget
 * and its rate limit, roll the injected faults (before or after processing), process, answer.
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
	if (pageId !== undefined && !state.pageBudget.tryCall(pageId, state.clock.now())) {
		state.stats.record(statsKey, 'rateLimited', now);
		return jsonResponse(400, graphErrorBody(messengerBudgetSpent()), pageUsageHeaders(state, pageId));
	}
	const overLimit =
		pageId !== undefined && (!state.rateLimiter.tryCall(pageId, now) || (isMediaSend(call) && !state.mediaRateLimiter.tryCall(pageId, now)));
	if (pageId !== undefined && overLimit) {
		state.stats.record(statsKey, 'rateLimited', now);
		return jsonResponse(400, graphErrorBody(rateLimited()), pageUsageHeaders(state, pageId));
	}
	const adAccountId = identity.kind === 'systemUser' ? adAccountOf(call) : undefined;
	if (adAccountId !== undefined && !state.paid.adAccountScores.tryCall(adAccountId, call.method === 'GET' ? READ_POINTS : WRITE_POINTS, state.clock.now())) {
		state.stats.record(statsKey, 'rateLimited', now);
		return jsonResponse(400, graphErrorBody(adAccountScoreReached()), adAccountUsageHeaders(state, adAccountId));
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
	const headers = pageId !== undefined ? pageUsageHeaders(state, pageId) : adAccountId !== undefined ? adAccountUsageHeaders(state, adAccountId) : {};
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

/**
 * `X-Business-Use-Case-Usage` as https://developers.facebook.com/docs/graph-api/overview/rate-limiting/
 * shows it: keyed by the business object (the Page), a list of `{type, call_count, total_cputime,
 * total_time, estimated_time_to_regain_access}`, whole percentages and minutes. call_count is the
 * Page's Messenger budget over 24 hours; the emulator measures no CPU or processing time (0).
 */
export function pageUsageHeaders(state: EmulatorState, pageId: string): Record<string, string> {
	const { callCountPercent, regainAccessMinutes } = state.pageBudget.usage(pageId, state.clock.now());
	const usage = { type: 'messenger', call_count: callCountPercent, total_cputime: 0, total_time: 0, estimated_time_to_regain_access: regainAccessMinutes };
	return { 'X-Business-Use-Case-Usage': JSON.stringify({ [pageId]: [usage] }) };
}

/** The ad account a call addresses (`/act_<id>/…`), whose Marketing API score it counts against. */
function adAccountOf(call: GraphCall): string | undefined {
	const objectId = call.path.split('/').find((segment) => segment !== '');
	return isAdAccountPath(objectId) ? objectId!.slice(AD_ACCOUNT_PREFIX.length) : undefined;
}

/** `X-Ad-Account-Usage` on every answer to an ad-account call, as emulator/load/adAccountScore.ts describes. */
export function adAccountUsageHeaders(state: EmulatorState, adAccountId: string): Record<string, string> {
	return { 'X-Ad-Account-Usage': state.paid.adAccountScores.header(adAccountId, state.clock.now()) };
}
