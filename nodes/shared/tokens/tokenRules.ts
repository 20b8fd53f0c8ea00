/** Meta: a one-time token "will expire within 1 year of creation" (docs/meta-platform.md §1.6). */
const ONE_TIME_TOKEN_LIFETIME_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

export function oneTimeTokenExpiry(optedInAt: Date): Date {
	return new Date(optedInAt.getTime() + ONE_TIME_TOKEN_LIFETIME_DAYS * DAY_MS);
}

/**
 * Meta: one legacy marketing message per token every 48 hours since 2025-09-01 (docs/meta-platform.md §2.1);
 * a send starts the wait before the token's next message.
 */
export const MARKETING_COOLDOWN_MS = 48 * 60 * 60 * 1000;
