// A token row changes status only when Meta's own 4xx refusal names that token: every other answer
// (a credential or secret error, a bare code 100, a server error, a body that is not Meta's, a
// network failure) leaves the row as it was. The appsecret_proof texts are Graph's, as quoted by
// Meta's "Securing requests" page and public SDKs (e.g. facebook/facebook-nodejs-business-sdk).
import { ERROR_CLASS_EFFECTS, type ErrorClass } from '../../../nodes/shared/graph/errorClasses';
import { classifyGraphError, ERROR_RULES, type RecipientKind } from '../../../nodes/shared/graph/errorTable';
import { graphErrorFromResponse, mayHaveBeenDelivered, type GraphError } from '../../../nodes/shared/graph/graphError';
import { describeGraphError } from '../../../nodes/shared/graph/graphError';

const TOKEN_RECIPIENTS: RecipientKind[] = ['oneTimeToken', 'marketingToken', 'subscriptionToken'];
const STATUS_CHANGING: ErrorClass[] = ['tokenSpent', 'tokenExpired', 'tokenRevoked'];

function metaAnswer(httpStatus: number, code: number, message: string, extra: Record<string, unknown> = {}): GraphError {
	return graphErrorFromResponse(httpStatus, { error: { message, type: 'OAuthException', code, fbtrace_id: 'T', ...extra } });
}

const changesStatus = (errorClass: ErrorClass) => ERROR_CLASS_EFFECTS[errorClass].row !== 'unchanged' && ERROR_CLASS_EFFECTS[errorClass].row !== 'unchanged, error set' && ERROR_CLASS_EFFECTS[errorClass].row !== 'available, nextEligibleAt set';

describe('a token is spent only when Meta says so about that token', () => {
	it('only the token classes change a row status', () => {
		const changing = (Object.keys(ERROR_CLASS_EFFECTS) as ErrorClass[]).filter(changesStatus);
		expect(changing.sort()).toEqual([...STATUS_CHANGING].sort());
	});

	describe.each(TOKEN_RECIPIENTS)('to a %s', (recipient) => {
		it.each([
			['a wrong appsecret_proof', 100, 'Invalid appsecret_proof provided in the API argument', { type: 'GraphMethodException' }],
			['a missing appsecret_proof', 100, 'API calls from the server require an appsecret_proof argument', { type: 'GraphMethodException' }],
			['an expired Page token', 190, 'Error validating access token: Session has expired on Tuesday, 01-Dec-26 12:00:00 PST.', { error_subcode: 463 }],
			['an object the token cannot reach (100/33)', 100, "Unsupported post request. Object with ID 'me' does not exist, cannot be loaded due to missing permissions, or does not support this operation.", { error_subcode: 33, type: 'GraphMethodException' }],
		] as const)('stops on %s', (_name, code, message, extra) => {
			const error = metaAnswer(400, code, message, extra);
			expect(classifyGraphError(error, recipient).errorClass).toBe('stop');
		});

		it.each([
			['a bare 100 parameter error', 100, '(#100) Param message[text] must be a UTF-8 encoded string', {}],
			['no matching user (100/2018001)', 100, '(#100) No matching user found', { error_subcode: 2018001 }],
		] as const)('keeps the row on %s', (_name, code, message, extra) => {
			const { errorClass } = classifyGraphError(metaAnswer(400, code, message, extra), recipient);
			expect(changesStatus(errorClass)).toBe(false);
			expect(ERROR_CLASS_EFFECTS[errorClass].action).toBe('move on');
		});

		it('keeps the row on an attachment upload failure (100/2018047)', () => {
			const { errorClass } = classifyGraphError(metaAnswer(400, 100, '(#100) Upload attachment failure.', { error_subcode: 2018047 }), recipient);
			expect(errorClass).toBe('invalid');
			expect(changesStatus(errorClass)).toBe(false);
		});

		it.each([500, 502, 503])('reads HTTP %i as a server error whatever code it carries, never as a token verdict', (status) => {
			for (const rule of ERROR_RULES) {
				const error = metaAnswer(status, rule.code, 'x', rule.subcode === undefined ? {} : { error_subcode: rule.subcode });
				const { errorClass } = classifyGraphError(error, recipient);
				expect([rule.code, rule.subcode, errorClass, changesStatus(errorClass)]).toEqual([rule.code, rule.subcode, errorClass, false]);
			}
			const bare100 = metaAnswer(status, 100, '(#100) Invalid parameter');
			expect(classifyGraphError(bare100, recipient).errorClass).toBe('transient');
			expect(mayHaveBeenDelivered(bare100)).toBe(true);
		});
	});

	it('reads the documented token refusals as the token end, from a 4xx', () => {
		expect(classifyGraphError(metaAnswer(400, 10, '(#10) This message is sent outside of allowed window.', { error_subcode: 2018278 }), 'oneTimeToken').errorClass).toBe('tokenSpent');
		expect(classifyGraphError(metaAnswer(400, 100, '(#100) notification_messages_token has expired'), 'marketingToken').errorClass).toBe('tokenExpired');
		expect(classifyGraphError(metaAnswer(400, 10, '(#10) This user has currently stopped notification messages for this topic', { error_subcode: 1893015 }), 'marketingToken').errorClass).toBe('tokenRevoked');
		expect(classifyGraphError(metaAnswer(400, 2300034, 'The subscriber has stopped marketing messages'), 'subscriptionToken').errorClass).toBe('tokenRevoked');
		expect(classifyGraphError(metaAnswer(400, 2300037, 'Subscription token expired'), 'subscriptionToken').errorClass).toBe('tokenExpired');
	});

	it('never reads a bare code 100 as a verdict on a token, whatever the text, unless the text names the token', () => {
		const texts = ['(#100) Invalid parameter', '(#100) The parameter recipient is required', '(#100) Param message must be non-empty', 'An unknown parameter', '(#100) Invalid user id'];
		for (const recipient of TOKEN_RECIPIENTS) {
			for (const text of texts) {
				const { errorClass } = classifyGraphError(metaAnswer(400, 100, text), recipient);
				expect([recipient, text, changesStatus(errorClass)]).toEqual([recipient, text, false]);
			}
		}
	});

	describe('answers that are not Meta', () => {
		it.each([
			['a proxy HTML page on 400', 400, '<html><head><title>400 Bad Request</title></head><body><h1>Request blocked</h1></body></html>'],
			['a firewall JSON on 403', 403, { error: 'blocked by policy' }],
			['a JSON error without a code on 400', 400, { error: { message: 'Invalid request' } }],
			['a 404 from a wrong Graph Host', 404, 'Cannot POST /v25.0/me/messages'],
		] as const)('stops on %s, with no code read', (_name, status, body) => {
			const error = graphErrorFromResponse(status, body);
			expect(error.code).toBeUndefined();
			expect(classifyGraphError(error, 'oneTimeToken')).toMatchObject({ errorClass: 'stop', meaning: expect.stringMatching(/not the Graph API's|refused the credential/) });
			expect(error.message).not.toMatch(/<[a-z]/);
		});

		it.each(['ERR_INVALID_URL', 'ENOTFOUND', 'ECONNREFUSED', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID'])(
			'stops on %s as a configuration problem that sent nothing',
			(networkCode) => {
				const error: GraphError = { message: 'failed', networkCode };
				expect(classifyGraphError(error, 'oneTimeToken')).toMatchObject({ errorClass: 'stop', meaning: expect.stringMatching(/Graph Host/) });
				expect(mayHaveBeenDelivered(error)).toBe(false);
			},
		);

		it('keeps a reset connection or a time-out as "may have been delivered"', () => {
			for (const networkCode of ['ECONNRESET', 'ETIMEDOUT', 'EPIPE']) {
				const error: GraphError = { message: 'failed', networkCode };
				expect(classifyGraphError(error, 'oneTimeToken').errorClass).toBe('transient');
				expect(mayHaveBeenDelivered(error)).toBe(true);
			}
		});
	});

	it("shows Meta's words for the person (error_user_title, error_user_msg)", () => {
		const error = metaAnswer(400, 2300011, 'Invalid parameter', { error_user_title: 'No payment method', error_user_msg: 'Add a payment method to your ad account.' });
		expect(error).toMatchObject({ userTitle: 'No payment method', userMessage: 'Add a payment method to your ad account.' });
		expect(describeGraphError(error)).toMatch(/No payment method: Add a payment method to your ad account\.$/);
	});
});
