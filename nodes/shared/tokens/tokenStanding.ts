import { DAY_MS } from '../timeSpans';
import { paidApiEligibleAt } from './paidApiRules';
import type { TokenRow } from './tokenRow';

/**
 * What a row is worth at a moment, whatever its status column says:
 * - `eligible`: available, not expired, past any cool-down;
 * - `expired`: still `available` in the store, but its expiry has passed (needs writing back);
 * - `coolingDown`: available, but Meta's next allowed send (`nextEligibleAt`) is still ahead;
 * - `spent`: used, expired, revoked or failed in the store;
 * - `notMarketing`: a one-time token, which the paid API cannot send.
 */
export type TokenStanding = 'eligible' | 'expired' | 'coolingDown' | 'spent' | 'notMarketing';

/** The Send API, or the paid Marketing Message API with its own rules. */
export type TokenProgram = 'sendApi' | 'paidApi';

function at(iso: string): number {
	return Date.parse(iso);
}

/**
 * The one eligibility rule of Select for Broadcast, OTN Broadcast and Summarize. Through the paid
 * API only marketing tokens go, and the wait is the later of 12 hours after the last send and
 * `nextEligibleAt` (paidApiEligibleAt).
 */
export function standingOf(row: TokenRow, now: Date, program: TokenProgram = 'sendApi'): TokenStanding {
	if (program === 'paidApi' && row.tokenType !== 'marketing') return 'notMarketing';
	if (row.status !== 'available') return 'spent';
	if (row.expiresAt !== null && at(row.expiresAt) <= now.getTime()) return 'expired';
	const nextSendAt = program === 'paidApi' ? (paidApiEligibleAt(row)?.getTime() ?? null) : row.nextEligibleAt === null ? null : at(row.nextEligibleAt);
	if (nextSendAt !== null && nextSendAt > now.getTime()) return 'coolingDown';
	return 'eligible';
}

/** An available, unexpired token whose expiry falls within the next `days` days. */
export function expiresWithin(row: TokenRow, now: Date, days: number): boolean {
	if (row.expiresAt === null || row.status !== 'available') return false;
	const expiry = at(row.expiresAt);
	return expiry > now.getTime() && expiry <= now.getTime() + days * DAY_MS;
}
