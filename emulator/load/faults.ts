import type { SeededRandom } from '../core/seededRandom';

/**
 * Injected failures. Each rule fires BEFORE the call is processed (nothing happened) or AFTER
 * (the subscriber got the message, the caller never hears so). Rules with `count` fire on the next
 * N matching calls and go first, so tests are deterministic; `percent` rules roll the seeded random.
 */

export type FaultKind = 'http500' | 'timeout' | 'drop';
export type FaultPhase = 'before' | 'after';
/** `send`: only Send API calls; `all`: every Graph call. */
export type FaultScope = 'all' | 'send';

export interface FaultRuleInput {
	kind: FaultKind;
	phase: FaultPhase;
	pageId?: string;
	percent?: number;
	count?: number;
	/** Time-out: how long the response is held before the socket is destroyed. */
	hangMs?: number;
	/** HTTP 500 body: code 2 (default, "retry later") or 1 ("unknown error"), docs/meta-platform.md §4.5. */
	errorCode?: 1 | 2;
	scope?: FaultScope;
}

export interface FaultRule {
	id: number;
	kind: FaultKind;
	phase: FaultPhase;
	pageId?: string;
	percent?: number;
	remaining?: number;
	hangMs: number;
	errorCode: 1 | 2;
	scope: FaultScope;
}

export const DEFAULT_HANG_MS = 10_000;

export class FaultInjector {
	private rules: FaultRule[] = [];
	private nextId = 1;

	add(input: FaultRuleInput): FaultRule {
		const problem = invalidRule(input);
		if (problem) throw new Error(problem);
		const rule: FaultRule = {
			id: this.nextId++,
			kind: input.kind,
			phase: input.phase,
			hangMs: input.hangMs ?? DEFAULT_HANG_MS,
			errorCode: input.errorCode ?? 2,
			scope: input.scope ?? 'all',
		};
		if (input.pageId !== undefined) rule.pageId = input.pageId;
		if (input.count !== undefined) rule.remaining = input.count;
		else rule.percent = input.percent;
		this.rules.push(rule);
		return rule;
	}

	list(): FaultRule[] {
		return this.rules.map((rule) => ({ ...rule }));
	}

	clear(): void {
		this.rules = [];
	}

	/** The fault for this call, if any; counted rules are used up as they fire. */
	pick(pageId: string | undefined, isSend: boolean, random: SeededRandom): FaultRule | undefined {
		const matching = this.rules.filter(
			(rule) => (rule.pageId === undefined || rule.pageId === pageId) && (rule.scope === 'all' || isSend),
		);
		const counted = matching.find((rule) => rule.remaining !== undefined);
		if (counted) {
			counted.remaining = (counted.remaining as number) - 1;
			if (counted.remaining <= 0) this.rules = this.rules.filter((rule) => rule !== counted);
			return counted;
		}
		return matching.find((rule) => rule.percent !== undefined && random.next() * 100 < rule.percent);
	}
}

function invalidRule(input: FaultRuleInput): string | undefined {
	if (!['http500', 'timeout', 'drop'].includes(input.kind)) return 'kind must be http500, timeout or drop';
	if (!['before', 'after'].includes(input.phase)) return 'phase must be before or after';
	if ((input.count === undefined) === (input.percent === undefined)) return 'give exactly one of count or percent';
	if (input.count !== undefined && !(Number.isInteger(input.count) && input.count > 0)) return 'count must be a positive integer';
	if (input.percent !== undefined && !(input.percent >= 0 && input.percent <= 100)) return 'percent must be between 0 and 100';
	if (input.hangMs !== undefined && !(input.hangMs >= 0)) return 'hangMs must be 0 or more';
	if (input.errorCode !== undefined && input.errorCode !== 1 && input.errorCode !== 2) return 'errorCode must be 1 or 2';
	if (input.scope !== undefined && input.scope !== 'all' && input.scope !== 'send') return 'scope must be all or send';
	return undefined;
}
