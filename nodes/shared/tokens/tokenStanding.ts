import type { TokenRow } from './tokenRow';

/**
 * What a row is worth at a moment, whatever its status column says:
 * - `eligible`: available, not expired, past any cool-down;
 * - `expired`: still `available` in the store, but its expiry has passed (needs writing back);
 * - `coolingDown`: available, but Meta's next allowed send (`nextEligibleAt`) is still ahead;
 * - `spent`: used, expired, revoked or failed in the store.
 */
export type TokenStanding = 'eligible' | 'expired' | 'coolingDown' | 'spent';

const DAY_MS = 24 * 60 * 60 * 1000;

function at(iso: string): number {
	return Date.parse(iso);
}

export function standingOf(row: TokenRow, now: Date): TokenStanding {
	if (row.status !== 'available') return 'spent';
	if (row.expiresAt !== null && at(row.expiresAt) <= now.getTime()) return 'expired';
	if (row.nextEligibleAt !== null && at(row.nextEligibleAt) > now.getTime()) return 'coolingDown';
	return 'eligible';
}

/** An available, unexpired token whose expiry falls within the next `days` days. */
export function expiresWithin(row: TokenRow, now: Date, days: number): boolean {
	if (row.expiresAt === null || row.status !== 'available') return false;
	const expiry = at(row.expiresAt);
	return expiry > now.getTime() && expiry <= now.getTime() + days * DAY_MS;
}
