import { checkOptionalOneOf } from './fieldChecks';
import type { MessageProblem } from './messageProblem';

/**
 * Tags that still let a PSID message out of the 24-hour window (docs/meta-platform.md §4.2, §4.3). Neither may
 * carry promotional content.
 */
export const MESSAGE_TAGS = {
	CUSTOMER_FEEDBACK: 'A customer feedback survey, inside the standard window',
	HUMAN_AGENT: "A person's reply up to 7 days after the subscriber's last message; needs Meta's Human Agent permission",
} as const;

/** Refused by Meta with error 100 since 2026-04-27 (docs/meta-platform.md §4.3). */
export const RETIRED_MESSAGE_TAGS = ['ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE'];

/** A tag given by an expression may be anything: only the ones Meta still accepts pass. */
export function messageTagProblems(tag: string): MessageProblem[] {
	const allowed = Object.keys(MESSAGE_TAGS);
	const limit = `one of ${allowed.join(', ')}`;
	if (RETIRED_MESSAGE_TAGS.includes(tag)) {
		const message = `Tag ${tag} was retired by Meta on 2026-04-27 and is refused with error 100; Messenger allows ${limit}. Reach a subscriber outside the window with a one-time notification or marketing messages token instead`;
		return [{ field: 'Tag', limit, message }];
	}
	if (tag === '') return [{ field: 'Tag', limit, message: `Tag is empty; Messenger requires ${limit}` }];
	return checkOptionalOneOf(tag, 'Tag', allowed);
}
