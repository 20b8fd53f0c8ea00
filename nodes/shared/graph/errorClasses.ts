/**
 * What a failed Graph call means for the token row and for the caller. Every Graph error maps to
 * exactly one class (errorTable.ts); each class has one effect. The README publishes both tables.
 * Only tokenSpent, tokenExpired and tokenRevoked change a row's status: Meta said so about that
 * token. Every other class leaves the status as it was.
 */
export type ErrorClass =
	| 'throttled'
	| 'transient'
	| 'tokenSpent'
	| 'tokenExpired'
	| 'tokenRevoked'
	| 'notNow'
	| 'unreachable'
	| 'outsideWindow'
	| 'stop'
	| 'invalid'
	| 'unclear'
	| 'otherPage';

/** What the token row becomes. */
export type RowEffect =
	| 'unchanged'
	| 'used'
	| 'expired'
	| 'revoked'
	| 'available, nextEligibleAt set'
	| 'unchanged, error set';

/** What the caller does next. */
export type CallerAction = 'slow down, retry later' | 'retry with backoff' | 'move on' | 'stop';

export interface ClassEffect {
	row: RowEffect;
	action: CallerAction;
	summary: string;
	howToFix: string;
}

export const ERROR_CLASS_EFFECTS: Record<ErrorClass, ClassEffect> = {
	throttled: {
		row: 'unchanged',
		action: 'slow down, retry later',
		summary: 'Meta is rate limiting the Page or app',
		howToFix: 'Wait a few minutes and run again, or send at a lower rate.',
	},
	transient: {
		row: 'unchanged, error set',
		action: 'retry with backoff',
		summary: 'a temporary failure at Meta or on the network; after the last retry the row keeps its status with the error',
		howToFix: 'Run again later; nothing is lost by retrying.',
	},
	tokenSpent: {
		row: 'used',
		action: 'move on',
		summary: 'the one-time token was already used (or Meta no longer accepts it)',
		howToFix: 'Nothing to fix: each one-time token sends exactly one message. Ask the subscriber to opt in again.',
	},
	tokenExpired: {
		row: 'expired',
		action: 'move on',
		summary: 'the token has expired',
		howToFix: 'Nothing to fix: ask the subscriber to opt in again.',
	},
	tokenRevoked: {
		row: 'revoked',
		action: 'move on',
		summary: 'the subscriber stopped these messages',
		howToFix: 'Nothing to fix: the subscriber chose to stop. Do not send to this token again.',
	},
	notNow: {
		row: 'available, nextEligibleAt set',
		action: 'move on',
		summary: 'a cool-down or frequency cap: the token can be used again later',
		howToFix: "Send again after the token's next eligible time.",
	},
	unreachable: {
		row: 'unchanged, error set',
		action: 'move on',
		summary: 'the subscriber cannot receive messages right now',
		howToFix: 'Try again another day; the subscriber may have blocked the Page or turned messages off.',
	},
	outsideWindow: {
		row: 'unchanged, error set',
		action: 'move on',
		summary: "the subscriber's 24-hour window is closed",
		howToFix: "Reply within 24 hours of the subscriber's last message, or send through a one-time notification or marketing messages token.",
	},
	stop: {
		row: 'unchanged',
		action: 'stop',
		summary: 'credential, permission, budget, terms or a Page-wide restriction: nothing else can be sent until it is fixed',
		howToFix: "Fix the credential, the app's permissions or the Page's settings in Meta's App Dashboard or Business Suite, then run again: no row was changed and nothing is sent twice.",
	},
	invalid: {
		row: 'unchanged, error set',
		action: 'move on',
		summary: 'Meta refused the request itself, not the token: the token is kept',
		howToFix: "Correct the request (see Meta's message) and run again.",
	},
	unclear: {
		row: 'unchanged, error set',
		action: 'move on',
		summary: "Meta's answer does not say whether the token itself is spent (e.g. a bare code 100): the token is kept, never marked spent on a guess",
		howToFix: "Read Meta's message in `error`. A later run asks Meta again; a token that really is spent is refused again and costs nothing.",
	},
	otherPage: {
		row: 'unchanged, error set',
		action: 'move on',
		summary: "the row belongs to another Page than the credential's (or the campaign's): it is never sent, and kept as it was",
		howToFix: "Filter the rows by Page (Select for Broadcast's Page ID), or broadcast them with that Page's credential.",
	},
};
