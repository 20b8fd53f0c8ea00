import type { FaultRuleInput } from '../load/faults';
import type { EmulatorState } from '../state/emulatorState';
import { optionalNumber, optionalString, requiredNumber } from './bodyFields';
import { badRequest } from './controlError';
import { route, type ControlRoute } from './controlRoute';
import type { PageBudgetView } from './controlTypes';

/** Rate limit, 24-hour budget, latency, injected faults and the seed behind them; global or per Page. */

function budgetView(state: EmulatorState, pageId: string | undefined): PageBudgetView {
	const callsPer24h = state.pageBudget.callsPer24h(pageId);
	const usage = pageId === undefined ? undefined : state.pageBudget.usage(pageId, state.clock.now());
	return { pageId: pageId ?? null, callsPer24h, callCountPercent: usage?.callCountPercent ?? null, regainAccessMinutes: usage?.regainAccessMinutes ?? null };
}

export const loadRoutes: ControlRoute[] = [
	// `perSecond`: every Graph call of a Page; `mediaPerSecond`: audio and video sends on top.
	route('PUT', '/rate-limit', (state, { body }) => {
		const perSecond = optionalNumber(body, 'perSecond', 1);
		const mediaPerSecond = optionalNumber(body, 'mediaPerSecond', 1);
		if (perSecond === undefined && mediaPerSecond === undefined) throw badRequest('give perSecond, mediaPerSecond or both');
		const pageId = optionalString(body, 'pageId');
		if (perSecond !== undefined) state.rateLimiter.setLimit(perSecond, pageId);
		if (mediaPerSecond !== undefined) state.mediaRateLimiter.setLimit(mediaPerSecond, pageId);
		return { perSecond: state.rateLimiter.limitFor(pageId), mediaPerSecond: state.mediaRateLimiter.limitFor(pageId), pageId: pageId ?? null };
	}),

	// The Messenger budget: 200 calls per engaged user per 24 hours, or `callsPer24h` outright.
	route('PUT', '/budget', (state, { body }) => {
		const engagedUsers = optionalNumber(body, 'engagedUsers', 1);
		const callsPer24h = optionalNumber(body, 'callsPer24h', 1);
		if (engagedUsers === undefined && callsPer24h === undefined) throw badRequest('give engagedUsers or callsPer24h');
		const pageId = optionalString(body, 'pageId');
		state.pageBudget.set({ engagedUsers, callsPer24h }, pageId);
		return budgetView(state, pageId);
	}),

	route('GET', '/budget', (state, { query }) => budgetView(state, query.get('pageId') ?? undefined)),

	route('PUT', '/latency', (state, { body }) => {
		const setting = { fixedMs: optionalNumber(body, 'fixedMs') ?? 0, jitterMs: optionalNumber(body, 'jitterMs') ?? 0 };
		state.latency.set(setting, optionalString(body, 'pageId'));
		return state.latency.settings();
	}),

	route('GET', '/latency', (state) => state.latency.settings()),

	route('GET', '/faults', (state) => state.faults.list()),

	route('POST', '/faults', (state, { body }) => {
		try {
			return state.faults.add(body as unknown as FaultRuleInput);
		} catch (error) {
			throw badRequest((error as Error).message);
		}
	}),

	route('DELETE', '/faults', (state) => {
		state.faults.clear();
		return { cleared: true };
	}),

	route('PUT', '/seed', (state, { body }) => {
		const seed = requiredNumber(body, 'seed');
		state.random.reseed(seed);
		return { seed };
	}),
];
