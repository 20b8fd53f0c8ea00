import type { TokenRow } from './tokenRow';

/** Meta: one paid marketing message per 12 hours per subscription token (docs/meta-platform.md §3.4). */
export const PAID_API_MIN_INTERVAL_MS = 12 * 60 * 60 * 1000;

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
