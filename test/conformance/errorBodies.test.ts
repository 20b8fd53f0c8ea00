/** Meta's error bodies as Meta's pages and public code show them, read by the Graph transport's parser. */
import { graphErrorFromResponse } from '../../nodes/shared/graph/graphError';
import { SAMPLES, sampleText } from './metaSamples';

const expected: Record<string, { code: number; subcode?: number; type?: string; message: string; fbtraceId?: string }> = {
	'errors/graph-error.meta-handling-errors.json': { code: 190, subcode: 460, type: 'OAuthException', message: 'Message describing the error', fbtraceId: 'EJplcsCHuLu' },
	'errors/outside-window-2018065.botframework-sdk-2050.json': {
		code: 10,
		subcode: 2018065,
		type: 'OAuthException',
		message:
			'(#10) This message is sent outside of allowed window. You need page_messaging_subscriptions permission to be able to do it. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
		fbtraceId: 'H/vnkB0t7Fk',
	},
	'errors/person-unavailable-551.botframework-sdk-4556.json': { code: 551, subcode: 1545041, type: 'OAuthException', message: "(#551) This person isn't available right now.", fbtraceId: 'G3GRmtpZiq6' },
	'errors/invalid-oauth-token-190.node-facebook-auth-verifier.json': { code: 190, type: 'OAuthException', message: 'Invalid OAuth access token.', fbtraceId: 'XxXXXxXxX0x' },
	'errors/invalid-appsecret-proof-100.node-facebook-auth-verifier.json': {
		code: 100,
		type: 'GraphMethodException',
		message: 'Invalid appsecret_proof provided in the API argument',
		fbtraceId: 'BQ95dZEb5lT',
	},
	'errors/invalid-user-100.courier.json': { code: 100, message: 'Invalid user' },
	'errors/rate-limit-613.courier.json': { code: 613, message: 'Calls to this api have exceeded the rate limit' },
};

describe("Meta's error bodies", () => {
	it('every error body of the corpus has its expected reading here', () => {
		expect(Object.keys(expected).sort()).toEqual(SAMPLES.filter((sample) => sample.kind === 'errorBody').map((sample) => sample.file).sort());
	});

	it.each(Object.entries(expected))('%s: code, subcode, type, message and trace id as Meta sent them', (file, reading) => {
		const error = graphErrorFromResponse(400, sampleText(file));
		expect({ code: error.code, subcode: error.subcode, type: error.type, message: error.message, fbtraceId: error.fbtraceId }).toEqual({
			subcode: undefined,
			type: undefined,
			fbtraceId: undefined,
			...reading,
		});
	});
});
