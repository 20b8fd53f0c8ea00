import { DAY_MS } from '../timeSpans';

/** Meta: a one-time token "will expire within 1 year of creation" (docs/meta-platform.md §1.6). */
const ONE_TIME_TOKEN_LIFETIME_DAYS = 365;

/** When a one-time token opted in at `optedInAt` expires, as an ISO date: Meta sends no expiry. */
export function oneTimeTokenExpiresAt(optedInAt: string | Date): string {
	return new Date(new Date(optedInAt).getTime() + ONE_TIME_TOKEN_LIFETIME_DAYS * DAY_MS).toISOString();
}

/**
 * Meta: one legacy marketing message per token every 48 hours since 2025-09-01 (docs/meta-platform.md §2.1);
 * a send starts the wait before the token's next message.
 */
export const MARKETING_COOLDOWN_MS = 48 * 60 * 60 * 1000;
