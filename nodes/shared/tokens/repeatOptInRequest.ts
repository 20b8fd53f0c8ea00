import { standingOf } from './tokenStanding';
import type { TokenRow } from './tokenRow';

/**
 * Meta's Messenger error table lists 613/1893016, "You may not send multiple opt-in requests with
 * the same topic to a user" (https://developers.facebook.com/documentation/business-messaging/messenger-platform/error-codes),
 * and states no period for one-time notifications. The reading that cannot cost a subscriber's
 * trust: while they hold an unused, unexpired one-time token for the topic, asking again is the
 * repeat Meta forbids (send with that token instead). A team may also set a period of its own.
 */

export interface OptInRequestToCheck {
	psid: string;
	topic: string;
	/** 0: only the open-token rule; above 0: also refuse while the last opt-in is newer than this. */
	askAgainAfterDays: number;
}

/** Why this request would repeat one the subscriber already answered, or null when it does not. */
export interface RepeatRequest {
	rule: 'unusedToken' | 'tooSoon';
	row: TokenRow;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function sameSubscriberAndTopic(row: TokenRow, request: OptInRequestToCheck): boolean {
	return row.tokenType === 'one_time' && row.psid === request.psid && row.topic === request.topic;
}

function isOpen(row: TokenRow, now: Date): boolean {
	const standing = standingOf(row, now);
	return standing === 'eligible' || standing === 'coolingDown';
}

function latestOptIn(rows: TokenRow[]): TokenRow | undefined {
	return rows
		.filter((row) => row.optedInAt !== null)
		.sort((a, b) => Date.parse(b.optedInAt!) - Date.parse(a.optedInAt!))[0];
}

export function repeatOptInRequest(rows: TokenRow[], request: OptInRequestToCheck, now: Date): RepeatRequest | null {
	const mine = rows.filter((row) => sameSubscriberAndTopic(row, request));
	const open = mine.find((row) => isOpen(row, now));
	if (open) return { rule: 'unusedToken', row: open };
	if (request.askAgainAfterDays <= 0) return null;
	const latest = latestOptIn(mine);
	if (latest && now.getTime() - Date.parse(latest.optedInAt!) < request.askAgainAfterDays * DAY_MS) {
		return { rule: 'tooSoon', row: latest };
	}
	return null;
}
