import type { TokenRow } from './tokenRow';

/** Meta: one paid marketing message per 12 hours per subscription token (docs/meta-platform.md §3.4). */
export const PAID_API_MIN_INTERVAL_MS = 12 * 60 * 60 * 1000;

export type PaidApiEligibility =
	| { eligible: true }
	| {
			eligible: false;
			/** `waiting`: try again at `eligibleAt`; the others never become eligible by waiting. */
			reason: 'notMarketing' | 'notAvailable' | 'expired' | 'waiting';
			eligibleAt: string | null;
			meaning: string;
	  };

function later(a: number | null, b: number | null): number | null {
	if (a === null) return b;
	if (b === null) return a;
	return Math.max(a, b);
}

function time(iso: string | null): number | null {
	const ms = iso === null ? NaN : Date.parse(iso);
	return Number.isNaN(ms) ? null : ms;
}

/**
 * The earliest moment Meta allows the row's next paid message: 12 hours after its last confirmed
 * send, and never before the `nextEligibleAt` a refusal or an earlier program's cool-down set.
 * Null when nothing holds it back.
 */
export function paidApiEligibleAt(row: TokenRow): Date | null {
	const lastSent = time(row.lastSentAt);
	const ms = later(lastSent === null ? null : lastSent + PAID_API_MIN_INTERVAL_MS, time(row.nextEligibleAt));
	return ms === null ? null : new Date(ms);
}

/**
 * Whether a token row can go through the paid Marketing Message API now, decided before the call so
 * a broadcast never spends one: a marketing token (the subscription token of docs/meta-platform.md §3.1),
 * available, not expired, and past the 12-hour wait.
 */
export function paidApiEligibility(row: TokenRow, now: Date): PaidApiEligibility {
	if (row.tokenType !== 'marketing') {
		return { eligible: false, reason: 'notMarketing', eligibleAt: null, meaning: 'Only marketing messages tokens can be sent through the paid API; a one-time notification token cannot' };
	}
	if (row.status !== 'available') {
		return { eligible: false, reason: 'notAvailable', eligibleAt: null, meaning: `The token is ${row.status}` };
	}
	const expiresAt = time(row.expiresAt);
	if (expiresAt !== null && expiresAt <= now.getTime()) {
		return { eligible: false, reason: 'expired', eligibleAt: null, meaning: `The token expired at ${row.expiresAt}` };
	}
	const eligibleAt = paidApiEligibleAt(row);
	if (eligibleAt !== null && eligibleAt.getTime() > now.getTime()) {
		const at = eligibleAt.toISOString();
		return {
			eligible: false,
			reason: 'waiting',
			eligibleAt: at,
			meaning: `Meta allows one paid marketing message per 12 hours per subscriber: the next one can go at ${at}`,
		};
	}
	return { eligible: true };
}
