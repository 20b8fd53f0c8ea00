import { ERROR_CLASS_EFFECTS } from '../../../nodes/shared/graph/errorClasses';
import { classifyGraphError, type RecipientKind } from '../../../nodes/shared/graph/errorTable';
import { graphErrorFromResponse } from '../../../nodes/shared/graph/graphError';

function classify(code: number, recipient: RecipientKind = 'subscriptionToken', subcode?: number) {
	const body = { error: { message: 'Meta says no', type: 'OAuthException', code, ...(subcode === undefined ? {} : { error_subcode: subcode }), fbtrace_id: 'T' } };
	return classifyGraphError(graphErrorFromResponse(400, body), recipient);
}

describe('classifying the paid Marketing Message API errors (docs/meta-platform.md §3.6)', () => {
	it.each([
		['token stopped: revoked', [2300034], 'tokenRevoked'],
		['token expired: expired', [2300037], 'tokenExpired'],
		['minimum delay or frequency cap: not now', [2300035, 2300042, 2300043, 2300044], 'notNow'],
		["one token's region: that row is kept, error set", [2300032], 'unreachable'],
		['budget: stop', [2300015, 2300053, 2300054], 'stop'],
		['payment: stop', [2300011, 2300058, 2300059], 'stop'],
		['terms: stop', [2300013, 2300019, 2300066, 2300067, 2300069], 'stop'],
		["the ad account's or the Page's region: stop", [2300030, 2300031], 'stop'],
		['the campaign not usable: stop', [2300000, 2300001, 2300002, 2300003, 2300006, 2300033], 'stop'],
		['transient: retry later', [2300055, 2300057, 2300060, 2300061, 2300062, 2300063], 'transient'],
		['rate limit: back off', [2300078, 2300079, 2300080], 'throttled'],
		['subscriber not reachable now', [2300036, 2300052], 'unreachable'],
		['a token Meta cannot load: kept, never marked on a guess', [2300004], 'unclear'],
		["a token of another Page than the campaign's: kept", [2300005], 'otherPage'],
	] as const)('%s', (_name, codes, expected) => {
		for (const code of codes) expect([code, classify(code).errorClass]).toEqual([code, expected]);
	});

	it("says what each class does to the row and the broadcast, as the README's error table does", () => {
		expect(ERROR_CLASS_EFFECTS[classify(2300035).errorClass]).toMatchObject({ row: 'available, nextEligibleAt set', action: 'move on' });
		expect(ERROR_CLASS_EFFECTS[classify(2300015).errorClass]).toMatchObject({ action: 'stop' });
		expect(ERROR_CLASS_EFFECTS[classify(2300032).errorClass]).toMatchObject({ row: 'unchanged, error set' });
		expect(ERROR_CLASS_EFFECTS[classify(2300078).errorClass].action).toBe('slow down, retry later');
	});

	it('explains the codes in words a marketer understands', () => {
		expect(classify(2300035).meaning).toBe('This subscriber got a marketing message less than 12 hours ago (Meta allows one per 12 hours per subscriber)');
		expect(classify(2300015).meaning).toMatch(/budget is spent/);
		expect(classify(2300032).meaning).toMatch(/EU, Japan, South Korea, Australia and the UK/);
	});

	it('reads a paid code carried as the subcode of a generic code', () => {
		expect(classify(100, 'subscriptionToken', 2300034).errorClass).toBe('tokenRevoked');
	});

	it("blames the system user's credential, not the Page's, for 190, 200 and 100/33 of a paid call", () => {
		expect(classify(190, 'adAccount').meaning).toMatch(/system user's access token.*Messenger OTN Marketing API credential/);
		expect(classify(190, 'psid').meaning).toMatch(/Page access token/);
		expect(classify(100, 'adAccount', 33)).toMatchObject({ errorClass: 'stop', meaning: expect.stringMatching(/assign the ad account to the system user/) });
		expect(classify(100, 'psid', 33)).toMatchObject({ errorClass: 'stop', meaning: expect.stringMatching(/Page access token/) });
		expect(classify(200, 'subscriptionToken').meaning).toMatch(/paid_marketing_messages/);
	});
});
