import { ERROR_CLASS_EFFECTS } from '../../../nodes/shared/graph/errorClasses';
import { classifyGraphError, ERROR_RULES, type RecipientKind } from '../../../nodes/shared/graph/errorTable';
import { graphErrorFromResponse, mayHaveBeenDelivered, type GraphError } from '../../../nodes/shared/graph/graphError';
import { META_ERRORS, type MetaErrorFixture } from '../../fixtures/metaErrorBodies';

function classify(fixture: MetaErrorFixture, recipient: RecipientKind = 'psid') {
	return classifyGraphError(graphErrorFromResponse(fixture.httpStatus, fixture.body), recipient).errorClass;
}

describe('classifying Meta errors', () => {
	it.each([
		['invalid Page token stops the job', META_ERRORS.invalidOAuthToken, 'psid', 'stop'],
		['outside the 24-hour window, to a PSID', META_ERRORS.outsideWindow, 'psid', 'outsideWindow'],
		['outside the window, newer subcode', META_ERRORS.outsideWindow2534022, 'psid', 'outsideWindow'],
		['subscriber stopped this topic', META_ERRORS.stoppedTopic, 'marketingToken', 'tokenRevoked'],
		['rate limit', META_ERRORS.rateLimit, 'psid', 'throttled'],
		['app request limit', META_ERRORS.appRequestLimit, 'psid', 'throttled'],
		['Page request limit: a budget over 24 hours, the job stops', META_ERRORS.pageRequestLimit, 'psid', 'stop'],
		['blocked by the subscriber', META_ERRORS.userBlocked, 'psid', 'unreachable'],
		['person unavailable (200/1545041) is not a permission error', META_ERRORS.personUnavailable, 'psid', 'unreachable'],
		["person can't receive right now", META_ERRORS.cantReceive, 'psid', 'unreachable'],
		['pages_messaging not reviewed', META_ERRORS.pagesMessagingNotReviewed, 'psid', 'stop'],
		['plain permission error', META_ERRORS.noPermission, 'psid', 'stop'],
		['Page restricted from sending', META_ERRORS.pageRestricted, 'psid', 'stop'],
		['unexpected error 2', META_ERRORS.unexpected, 'psid', 'transient'],
		['unknown error 1', META_ERRORS.unknown, 'psid', 'transient'],
		['too many opt-in requests', META_ERRORS.tooManyOptIns, 'psid', 'notNow'],
		['no matching user to a PSID', META_ERRORS.noMatchingUser, 'psid', 'invalid'],
		['retired tag', META_ERRORS.retiredTag, 'psid', 'invalid'],
		['paid API: subscriber stopped', META_ERRORS.subscriberStopped, 'subscriptionToken', 'tokenRevoked'],
		['paid API: minimum delay', META_ERRORS.paidMinimumDelay, 'subscriptionToken', 'notNow'],
		['paid API: recipient cannot receive now', META_ERRORS.recipientCannotReceive, 'subscriptionToken', 'unreachable'],
		['paid API: token expired', META_ERRORS.subscriptionTokenExpired, 'subscriptionToken', 'tokenExpired'],
		['paid API: frequency cap', META_ERRORS.frequencyCap, 'subscriptionToken', 'notNow'],
		['paid API: recent organic activity', META_ERRORS.notAvailableRecentActivity, 'subscriptionToken', 'unreachable'],
		['paid API: budget', META_ERRORS.budgetReached, 'subscriptionToken', 'stop'],
		['paid API: terms', META_ERRORS.termsNotAccepted, 'subscriptionToken', 'stop'],
		["paid API: one token's region", META_ERRORS.tokenRegionUnsupported, 'subscriptionToken', 'unreachable'],
		['paid API: transient', META_ERRORS.paidTransient, 'subscriptionToken', 'transient'],
		['paid API: send rate limit', META_ERRORS.paidRateLimit, 'subscriptionToken', 'throttled'],
		['paid API code carried as a subcode', META_ERRORS.paidCodeAsSubcode, 'subscriptionToken', 'tokenExpired'],
	] as const)('%s', (_name, fixture, recipient, expected) => {
		expect(classify(fixture, recipient)).toBe(expected);
	});

	describe("the traps in Meta's error codes", () => {
		it("reads a marketing token as expired only on Meta's text that names it, and keeps it on any other 100", () => {
			expect(classify(META_ERRORS.marketingTokenExpired, 'marketingToken')).toBe('tokenExpired');
			expect(classify(META_ERRORS.marketingTokenInvalid, 'marketingToken')).toBe('unclear');
		});

		it('reads the outside-window refusal of a one-time token as spent, and no matching user as unclear', () => {
			expect(classify(META_ERRORS.outsideWindow, 'oneTimeToken')).toBe('tokenSpent');
			expect(classify(META_ERRORS.noMatchingUser, 'oneTimeToken')).toBe('unclear');
		});

		it('does not take 613/1893016, 613/2018338 or 4/2018354 for rate limits', () => {
			expect(classify(META_ERRORS.duplicateOptInRequest)).toBe('invalid');
			expect(classify(META_ERRORS.abusiveTagWarning)).toBe('stop');
			expect(classify(META_ERRORS.minimumDelay, 'marketingToken')).toBe('notNow');
		});

		it('says a time-out or a 5xx may have delivered the message, and a 4xx did not', () => {
			const fromResponse = (f: MetaErrorFixture) => graphErrorFromResponse(f.httpStatus, f.body);
			expect(mayHaveBeenDelivered(fromResponse(META_ERRORS.unexpected))).toBe(true);
			expect(mayHaveBeenDelivered(fromResponse(META_ERRORS.invalidJsonReply))).toBe(true);
			expect(mayHaveBeenDelivered({ message: 'timeout', networkCode: 'ETIMEDOUT' })).toBe(true);
			expect(mayHaveBeenDelivered({ message: 'reset', networkCode: 'ECONNRESET' })).toBe(true);
			expect(mayHaveBeenDelivered({ message: 'refused', networkCode: 'ECONNREFUSED' })).toBe(false);
			expect(mayHaveBeenDelivered(fromResponse(META_ERRORS.rateLimit))).toBe(false);
		});
	});

	describe('failures without a Meta code', () => {
		it.each([
			['a time-out', { message: 'timeout', networkCode: 'ETIMEDOUT' }, 'transient'],
			['a refused connection', { message: 'refused', networkCode: 'ECONNREFUSED' }, 'stop'],
			['a reset connection', { message: 'reset', networkCode: 'ECONNRESET' }, 'transient'],
			['an unanswered batch item', { message: 'null', unanswered: true }, 'transient'],
			['HTTP 502 without a body', { httpStatus: 502, message: 'Bad gateway' }, 'transient'],
			['HTTP 429', { httpStatus: 429, message: 'Too many' }, 'throttled'],
			['HTTP 403', { httpStatus: 403, message: 'Forbidden' }, 'stop'],
			['HTTP 400 without a code', { httpStatus: 400, message: 'Bad request' }, 'stop'],
			['an unknown code on a 500', { httpStatus: 500, code: 999999, message: '?' }, 'transient'],
			['an unknown code on a 400', { httpStatus: 400, code: 999999, message: '?' }, 'invalid'],
		] as Array<[string, GraphError, string]>)('%s', (_name, error, expected) => {
			expect(classifyGraphError(error).errorClass).toBe(expected);
		});
	});

	it('explains every class with a row effect, an action and how to fix it', () => {
		for (const rule of ERROR_RULES) {
			const effect = ERROR_CLASS_EFFECTS[rule.errorClass];
			expect(effect.howToFix.length).toBeGreaterThan(10);
			expect(rule.meaning.length).toBeGreaterThan(10);
		}
	});

	it("maps each class to the row status the README's error table gives", () => {
		expect(ERROR_CLASS_EFFECTS.tokenSpent.row).toBe('used');
		expect(ERROR_CLASS_EFFECTS.tokenExpired.row).toBe('expired');
		expect(ERROR_CLASS_EFFECTS.tokenRevoked.row).toBe('revoked');
		expect(ERROR_CLASS_EFFECTS.invalid.row).toBe('unchanged, error set');
		expect(ERROR_CLASS_EFFECTS.unclear.row).toBe('unchanged, error set');
		expect(ERROR_CLASS_EFFECTS.otherPage.row).toBe('unchanged, error set');
		expect(ERROR_CLASS_EFFECTS.notNow.row).toBe('available, nextEligibleAt set');
		expect(ERROR_CLASS_EFFECTS.stop.action).toBe('stop');
		expect(ERROR_CLASS_EFFECTS.throttled.action).toBe('slow down, retry later');
	});
});
