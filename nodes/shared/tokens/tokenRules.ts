/** Meta: a one-time token "will expire within 1 year of creation" (reference §1.6). */
export const ONE_TIME_TOKEN_LIFETIME_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

export function oneTimeTokenExpiry(optedInAt: Date): Date {
	return new Date(optedInAt.getTime() + ONE_TIME_TOKEN_LIFETIME_DAYS * DAY_MS);
}
