import type { TokenRow } from '../tokens/tokenRow';

/**
 * What a campaign would reach, before anything is sent: the audience by topic, token type, Page
 * and expiry month, who is still cooling down and until when, and how long the sends (and any
 * other calls on the same rate) take at the rate given. Figures only: no token, no PSID.
 */
export interface AudiencePreview {
	[key: string]: unknown;
	eligible: number;
	byTopic: Record<string, number>;
	byTokenType: Record<string, number>;
	byPage: Record<string, number>;
	/** `YYYY-MM` of `expiresAt` (UTC); `never` for tokens without an expiry. */
	byExpiryMonth: Record<string, number>;
	coolingDown: number;
	/** The soonest a cooling-down token may be sent again; null when none is cooling down. */
	earliestNextEligibleAt: string | null;
	ratePerSecond: number;
	estimatedSeconds: number;
	/** The same, in words, e.g. "2 h 5 min". */
	estimatedDuration: string;
}

export interface CoolingDown {
	count: number;
	earliestNextEligibleAt: string | null;
}

export const NO_TOPIC = '(no topic)';

function tally(rows: TokenRow[], keyOf: (row: TokenRow) => string): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const key of rows.map(keyOf).sort()) counts[key] = (counts[key] ?? 0) + 1;
	return counts;
}

export function inWords(seconds: number): string {
	const whole = Math.ceil(seconds);
	if (whole < 60) return `${whole} s`;
	const minutes = Math.ceil(whole / 60);
	if (minutes < 60) return `${minutes} min`;
	return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** The earliest of the cooling-down rows' next allowed send. */
export function coolingDownOf(rows: TokenRow[]): CoolingDown {
	const times = rows.map((row) => row.nextEligibleAt).filter((at): at is string => at !== null).sort();
	return { count: rows.length, earliestNextEligibleAt: times[0] ?? null };
}

/** `otherCalls`: calls on the same rate besides the sends (a personalised campaign's profile lookups). */
export function audiencePreview(eligible: TokenRow[], coolingDown: CoolingDown, ratePerSecond: number, otherCalls = 0): AudiencePreview {
	const estimatedSeconds = Math.round(((eligible.length + otherCalls) / ratePerSecond) * 10) / 10;
	return {
		eligible: eligible.length,
		byTopic: tally(eligible, (row) => row.topic ?? NO_TOPIC),
		byTokenType: tally(eligible, (row) => row.tokenType),
		byPage: tally(eligible, (row) => row.pageId),
		byExpiryMonth: tally(eligible, (row) => (row.expiresAt === null ? 'never' : row.expiresAt.slice(0, 7))),
		coolingDown: coolingDown.count,
		earliestNextEligibleAt: coolingDown.earliestNextEligibleAt,
		ratePerSecond,
		estimatedSeconds,
		estimatedDuration: inWords(estimatedSeconds),
	};
}
