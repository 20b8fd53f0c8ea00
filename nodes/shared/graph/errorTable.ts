import type { ErrorClass } from './errorClasses';
import { isConfigurationNetworkError, type GraphError } from './graphError';

/**
 * Who the failed call was addressed to: the same code means different things for each. The paid
 * Marketing Message API's calls are `subscriptionToken` (a send) or `adAccount` (campaigns and the
 * ad account), made with a system user's token instead of the Page's.
 */
export type RecipientKind = 'psid' | 'oneTimeToken' | 'marketingToken' | 'subscriptionToken' | 'adAccount' | 'none';

const PAID_API_CALLS: RecipientKind[] = ['subscriptionToken', 'adAccount'];

/** Sends addressed to a token, whose row a wrong verdict would cost. */
const TOKEN_SENDS: RecipientKind[] = ['oneTimeToken', 'marketingToken', 'subscriptionToken'];

/**
 * Meta's codes for a spent budget (https://developers.facebook.com/docs/graph-api/overview/rate-limiting/,
 * Business Use Case error codes; 32 is the Page limit with a user token).
 */
export const BUDGET_CODES = [32, 80000, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80009, 80014];

/** Meta refused the call because a budget is spent: its usage headers say until when. */
export function isBudgetRefusal(error: GraphError): boolean {
	return error.code !== undefined && BUDGET_CODES.includes(error.code);
}

export interface ErrorRule {
	code: number;
	subcode?: number;
	/** Only for calls to these recipients. */
	recipients?: RecipientKind[];
	/** Only when Meta's message matches (Meta gives one code several meanings). */
	messageMatch?: RegExp;
	errorClass: ErrorClass;
	/** What happened, in words a marketer understands. */
	meaning: string;
}

/**
 * Meta's codes (Meta's Messenger error-codes page and the Marketing Message API reference), most
 * specific first: the first rule that matches wins. Codes of the paid Marketing Message API
 * (2300000 and up) are matched whether Meta puts them in `code` or in `error_subcode`.
 *
 * A token is read as spent, expired or revoked only on the answers Meta ties to the recipient
 * token itself, and only from a 4xx answer with Meta's error body (classifyGraphError). Code 100
 * is not a token verdict: Meta also answers 100 for a wrong appsecret_proof, a missing one, an
 * upload failure and any bad parameter, so a bare 100 to a token send keeps the row ("unclear").
 * Other traps: 613/1893016, 613/2018338 and 4/2018354 are not rate limits.
 */
export const ERROR_RULES: ErrorRule[] = [
	// The credential itself. Meta answers code 100 (type GraphMethodException) for both, so they come
	// before every other code-100 rule.
	{ code: 100, messageMatch: /appsecret_proof/i, errorClass: 'stop', meaning: "Meta refused the appsecret_proof: the credential's App Secret is not the secret of the app that issued the access token, or the app requires a proof and the credential has no App Secret. Copy the App Secret from the App Dashboard (App settings, Basic) into the credential" },
	{ code: 100, messageMatch: /access[ _]token/i, errorClass: 'stop', meaning: 'Meta refused the access token of the credential: update the credential' },
	// One-time tokens. Meta documents single use but no error for a second send; when Meta does not
	// honour a one-time token it judges the send as an ordinary message outside the 24-hour window
	// (10/2018278, as seen in microsoft/botbuilder-dotnet#4873), which says the token no longer
	// grants the message.
	{ code: 10, subcode: 2018278, recipients: ['oneTimeToken'], errorClass: 'tokenSpent', meaning: 'Meta no longer accepts this one-time token: it was already used or has expired' },
	// Marketing tokens (legacy Marketing Messages): Meta's code-100 texts that name the token.
	{ code: 100, recipients: ['marketingToken'], messageMatch: /notification_messages_token.*expired/i, errorClass: 'tokenExpired', meaning: 'This marketing messages token has expired' },
	{ code: 100, recipients: ['marketingToken'], messageMatch: /notification_messages_token/i, errorClass: 'unclear', meaning: "Meta does not accept this marketing messages token (invalid, or issued to another Page or app); the row is kept as it was" },
	{ code: 10, subcode: 1893015, errorClass: 'tokenRevoked', meaning: 'The subscriber stopped marketing messages for this topic' },
	{ code: 4, subcode: 2018354, errorClass: 'notNow', meaning: "This token's cool-down has not passed yet (Meta allows one marketing message per token every 48 hours)" },
	// The paid Marketing Message API's credential: a system user's token with access to the ad account.
	{ code: 190, recipients: PAID_API_CALLS, errorClass: 'stop', meaning: "Meta refused the system user's access token (invalid or expired): update the Messenger OTN Marketing API credential" },
	{ code: 100, subcode: 33, recipients: PAID_API_CALLS, errorClass: 'stop', meaning: 'The ad account or campaign does not exist, or the system user has no access to it: check the ad account ID in the Messenger OTN Marketing API credential, and assign the ad account to the system user in Meta Business Settings' },
	{ code: 100, subcode: 33, errorClass: 'stop', meaning: 'Meta does not find the Page (or the object called), or the access token cannot reach it: check that the credential holds a Page access token of this Page' },
	{ code: 200, recipients: PAID_API_CALLS, errorClass: 'stop', meaning: "The system user's token lacks a permission the Marketing Message API needs (ads_management, and paid_marketing_messages or marketing_messages_messenger)" },
	// Subscriber reachability and the 24-hour window.
	{ code: 10, subcode: 2018278, errorClass: 'outsideWindow', meaning: "The subscriber's 24-hour window is closed: they have not written to the Page or tapped a button in the last 24 hours, so the Page cannot message them now. Ask for a one-time notification or marketing messages opt-in the next time they write, and reach them later with that token" },
	{ code: 10, subcode: 2534022, errorClass: 'outsideWindow', meaning: "The subscriber's 24-hour window is closed: they have not written to the Page or tapped a button in the last 24 hours, so the Page cannot message them now. Ask for a one-time notification or marketing messages opt-in the next time they write, and reach them later with that token" },
	{ code: 10, subcode: 2018065, errorClass: 'outsideWindow', meaning: "The subscriber's 24-hour window is closed" },
	{ code: 10, subcode: 2018108, errorClass: 'unreachable', meaning: "This person can't receive your messages right now" },
	{ code: 10, subcode: 2018336, errorClass: 'unreachable', meaning: "This person can't receive messages in this thread right now" },
	{ code: 200, subcode: 1545041, errorClass: 'unreachable', meaning: "This person isn't available right now" },
	{ code: 551, errorClass: 'unreachable', meaning: 'This person is not receiving messages from the Page (blocked or turned off)' },
	{ code: 2018300, errorClass: 'unreachable', meaning: 'Another app controls this conversation (handover protocol)' },
	// Opt-in requests.
	{ code: 613, subcode: 1893016, errorClass: 'invalid', meaning: 'This subscriber was already asked for marketing messages with this title in the last 7 days, and Meta refuses the same request twice: ask again after a week, or about another topic with a title of its own' },
	{ code: 9, subcode: 2018352, errorClass: 'notNow', meaning: 'This subscriber received too many opt-in requests; try again in a few days' },
	{ code: 10, subcode: 1404170, errorClass: 'stop', meaning: 'Meta temporarily restricted this Page from sending opt-in requests' },
	// Page-wide restrictions and permissions.
	{ code: 10, subcode: 1893063, errorClass: 'stop', meaning: 'Meta temporarily restricted this Page from sending messages' },
	{ code: 613, subcode: 2018338, errorClass: 'stop', meaning: 'Meta warned this Page about bothersome or abusive message tag use; stop and review before sending more' },
	{ code: 200, subcode: 2018028, errorClass: 'stop', meaning: 'The app has no approved pages_messaging permission for this Page' },
	{ code: 10, errorClass: 'stop', meaning: 'The app has no permission to send this message for the Page' },
	{ code: 200, errorClass: 'stop', meaning: 'The app or its token lacks a permission Meta requires' },
	{ code: 190, errorClass: 'stop', meaning: 'Meta refused the Page access token (invalid or expired): update the credential' },
	{ code: 102, errorClass: 'stop', meaning: 'Meta refused the session of the access token: update the credential' },
	{ code: 368, errorClass: 'stop', meaning: 'Meta temporarily blocked the Page for policy violations' },
	// Webhook subscription.
	{ code: 2200, errorClass: 'stop', meaning: "Meta could not verify the callback URL: its handshake did not reach this workflow. Check that n8n is reachable at its public webhook URL and that the credential's App Secret is right" },
	// Rate limits.
	{ code: 4, errorClass: 'throttled', meaning: 'The app reached its Graph API request limit' },
	{ code: 17, errorClass: 'throttled', meaning: 'The user request limit was reached' },
	{ code: 613, errorClass: 'throttled', meaning: "The Page's send rate limit was reached" },
	// Budgets over a rolling hour or 24 hours (Meta's rate-limiting page: 80006 Messenger, 80001 Page
	// calls with a Page token, 32 with a user token). Meta: "When the limit has been reached, stop
	// making API calls. Continuing to make calls will continue to increase your call count": a
	// block of minutes or hours, so the job stops instead of retrying.
	{ code: 80006, errorClass: 'stop', meaning: "Meta's Messenger budget for the Page is spent (200 calls a day per person the Page can message, over a rolling 24 hours); run again when Meta gives access back" },
	{ code: 80001, errorClass: 'stop', meaning: "Meta's call budget for the Page is spent (business use case rate limit); run again when Meta gives access back" },
	{ code: 32, errorClass: 'stop', meaning: "The Page's request limit is reached (Meta counts it over a rolling 24 hours); run again later" },
	...BUDGET_CODES.filter((code) => ![32, 80001, 80006].includes(code)).map(
		(code): ErrorRule => ({ code, errorClass: 'stop', meaning: "Meta's business use case rate limit is reached; run again when Meta gives access back" }),
	),
	// Temporary failures.
	{ code: 1, subcode: 1357046, errorClass: 'transient', meaning: 'Meta answered a batch with an invalid reply; the message may have been sent' },
	{ code: 1, errorClass: 'transient', meaning: 'An unknown error at Meta; retry later' },
	{ code: 2, errorClass: 'transient', meaning: 'A temporary error at Meta; retry later' },
	// Everything else that Meta calls a bad parameter. To a token, "no matching user" or a bare 100
	// may mean a dead token, another Page's or app's token, or a bad parameter: Meta does not say.
	{ code: 100, subcode: 2018001, recipients: TOKEN_SENDS, errorClass: 'unclear', meaning: 'Meta answered "no matching user": the token may be spent or expired, or belong to another Page or app; the row is kept as it was' },
	{ code: 100, subcode: 2018001, errorClass: 'invalid', meaning: "No subscriber with this PSID on this Page: map the PSID from this Page's Messenger OTN Trigger item" },
	{ code: 100, subcode: 2018047, errorClass: 'invalid', meaning: 'Meta could not fetch or upload the attachment: check that its URL is public and the file within the size limits' },
	{ code: 100, messageMatch: /tag/i, errorClass: 'invalid', meaning: 'Meta refused the message tag (ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE and POST_PURCHASE_UPDATE are retired since 2026-04-27)' },
	{ code: 100, recipients: TOKEN_SENDS, errorClass: 'unclear', meaning: 'Meta refused the send with code 100 without saying whether the token is at fault; the row is kept as it was' },
	{ code: 100, errorClass: 'invalid', meaning: 'Meta refused a parameter of the request' },
	// Marketing Message API (paid, docs/meta-platform.md §3.6). Token stopped revokes the row,
	// token expired expires it, minimum delay or frequency cap waits, one subscriber's region fails
	// that row; budget, payment, terms and the ad account's or Page's region stop the broadcast.
	{ code: 2300000, errorClass: 'stop', meaning: 'The message campaign is not active (paused, deleted or past its end): activate it or create a new campaign' },
	{ code: 2300001, errorClass: 'stop', meaning: "Meta does not know this message campaign ID in the credential's ad account: check the campaign ID" },
	{ code: 2300002, errorClass: 'stop', meaning: 'The message set of this campaign is not active' },
	{ code: 2300003, errorClass: 'stop', meaning: 'The campaign message is not active' },
	{ code: 2300004, errorClass: 'unclear', meaning: 'Meta could not load this subscription token (invalid, or not one this app may use); the row is kept as it was' },
	{ code: 2300005, errorClass: 'otherPage', meaning: "This subscriber belongs to another Page than the campaign's: broadcast the row under a campaign of its own Page" },
	{ code: 2300006, errorClass: 'stop', meaning: 'The campaign is not a direct-send marketing messages campaign' },
	{ code: 2300011, errorClass: 'stop', meaning: 'The ad account has no payment method: add one in Meta Ads Manager' },
	...[2300013, 2300019, 2300066, 2300067, 2300069].map(
		(code): ErrorRule => ({ code, errorClass: 'stop', meaning: "The business has not accepted Meta's marketing messages terms: accept them in Meta Business Suite" }),
	),
	...[2300015, 2300053, 2300054].map(
		(code): ErrorRule => ({ code, errorClass: 'stop', meaning: "The budget is spent (the campaign's, or the ad account's spending limit): raise it in Meta Ads Manager or create a new campaign" }),
	),
	{ code: 2300030, errorClass: 'stop', meaning: "Meta does not offer marketing messages in the ad account's country" },
	{ code: 2300031, errorClass: 'stop', meaning: "Meta does not offer marketing messages in the Page's country" },
	{ code: 2300032, errorClass: 'unreachable', meaning: 'Meta does not deliver marketing messages where this subscriber lives (the EU, Japan, South Korea, Australia and the UK are excluded)' },
	{ code: 2300033, errorClass: 'stop', meaning: 'The campaign has not started yet: send after its start time' },
	{ code: 2300034, errorClass: 'tokenRevoked', meaning: 'The subscriber stopped marketing messages' },
	{ code: 2300035, errorClass: 'notNow', meaning: 'This subscriber got a marketing message less than 12 hours ago (Meta allows one per 12 hours per subscriber)' },
	{ code: 2300036, errorClass: 'unreachable', meaning: "This subscriber can't receive marketing messages right now" },
	{ code: 2300037, errorClass: 'tokenExpired', meaning: 'The subscription token has expired' },
	...[2300042, 2300043, 2300044].map(
		(code): ErrorRule => ({ code, errorClass: 'notNow', meaning: "Meta's frequency cap for this subscriber is reached (too many marketing messages lately, from all businesses); try later" }),
	),
	{ code: 2300052, errorClass: 'unreachable', meaning: 'This person is not available right now: they talked with the Page within the minimum conversation gap' },
	...[2300055, 2300057, 2300060, 2300061, 2300062, 2300063].map(
		(code): ErrorRule => ({ code, errorClass: 'transient', meaning: 'A temporary error at Meta; retry in about 30 minutes' }),
	),
	...[2300058, 2300059].map(
		(code): ErrorRule => ({ code, errorClass: 'stop', meaning: "The ad account's prepaid or stored balance is used up: add funds in Meta Ads Manager" }),
	),
	{ code: 2300078, errorClass: 'throttled', meaning: "Meta's marketing message send rate limit was reached" },
	{ code: 2300079, errorClass: 'throttled', meaning: "Meta's campaign creation rate limit was reached" },
	{ code: 2300080, errorClass: 'throttled', meaning: "Meta's subscription token query rate limit was reached" },
];

const PAID_API_CODES_FROM = 2300000;

function ruleMatches(rule: ErrorRule, error: GraphError, recipient: RecipientKind): boolean {
	const codeMatches =
		rule.code === error.code || (rule.code >= PAID_API_CODES_FROM && rule.code === error.subcode);
	if (!codeMatches) return false;
	if (rule.subcode !== undefined && rule.code < PAID_API_CODES_FROM && rule.subcode !== error.subcode) return false;
	if (rule.recipients && !rule.recipients.includes(recipient)) return false;
	if (rule.messageMatch && !rule.messageMatch.test(error.message)) return false;
	return true;
}

export interface Classification {
	errorClass: ErrorClass;
	meaning: string;
}

/** Failures without Meta's error body: decided by HTTP status or by the network. */
function classifyWithoutMetaBody(error: GraphError): Classification {
	const status = error.httpStatus;
	if (error.unanswered) {
		return { errorClass: 'transient', meaning: 'Meta left this batch item unanswered; the message may have been sent' };
	}
	if (status === undefined) {
		if (isConfigurationNetworkError(error)) {
			return {
				errorClass: 'stop',
				meaning: `The Graph API cannot be reached (${error.networkCode}): check the Graph Host in the credential (https://graph.facebook.com for Meta) and the network between n8n and it`,
			};
		}
		return error.networkCode === 'ETIMEDOUT'
			? { errorClass: 'transient', meaning: 'No answer from Meta in time; the message may have been sent' }
			: { errorClass: 'transient', meaning: `The connection to Meta failed (${error.networkCode ?? 'network error'}); the message may have been sent` };
	}
	if (status === 429) return { errorClass: 'throttled', meaning: 'Meta answered "too many requests"' };
	if (status >= 500) return { errorClass: 'transient', meaning: `Meta answered HTTP ${status}; the message may have been sent` };
	// A 4xx (or any other status) without Meta's error body did not come from the Graph API: a proxy,
	// a firewall or a wrong Graph Host answered. It says nothing about any token.
	return {
		errorClass: 'stop',
		meaning: `The answer (HTTP ${status}) is not the Graph API's: a proxy or firewall between n8n and Meta, or a wrong Graph Host in the credential, answered instead`,
	};
}

/** Classes that pass a verdict on the token or the request, which only Meta's 4xx refusal can give. */
const REFUSAL_CLASSES = new Set<ErrorClass>(['tokenSpent', 'tokenExpired', 'tokenRevoked', 'notNow', 'invalid', 'unclear', 'otherPage', 'unreachable', 'outsideWindow']);

/** The class and the marketer's explanation of one Graph error. */
export function classifyGraphError(error: GraphError, recipient: RecipientKind = 'none'): Classification {
	if (error.code === undefined) return classifyWithoutMetaBody(error);
	// A paid-API code in the subcode is the specific meaning of a generic code: it decides.
	const paidSubcode = (error.subcode ?? 0) >= PAID_API_CODES_FROM;
	const rule =
		(paidSubcode && ERROR_RULES.find((candidate) => candidate.code === error.subcode)) ||
		ERROR_RULES.find((candidate) => ruleMatches(candidate, error, recipient));
	const status = error.httpStatus ?? 400;
	if (status >= 500 && (!rule || REFUSAL_CLASSES.has(rule.errorClass))) {
		// A server error is no refusal, whatever code it carries: the message may have gone.
		return { errorClass: 'transient', meaning: `Meta answered HTTP ${status} (code ${error.code}); the message may have been sent` };
	}
	if (rule) return { errorClass: rule.errorClass, meaning: rule.meaning };
	return { errorClass: 'invalid', meaning: 'Meta refused the request' };
}
