import { redactSecrets } from '../../nodes/shared/redact';

describe('redactSecrets', () => {
	it('removes the given secrets wherever they stand', () => {
		expect(redactSecrets('token EAAB123secret refused; EAAB123secret again', ['EAAB123secret'])).toBe(
			'token [redacted] refused; [redacted] again',
		);
	});

	it('removes token parameters from URLs and JSON even when the secret is not known', () => {
		const text =
			'GET /me?access_token=EAAx&appsecret_proof=abc {"one_time_notif_token":"otn-1"} notification_messages_token=mk-2';
		const cleaned = redactSecrets(text);
		expect(cleaned).not.toMatch(/EAAx|abc|otn-1|mk-2/);
		expect(cleaned).toContain('access_token=[redacted]');
	});

	it('removes bearer tokens', () => {
		expect(redactSecrets('Authorization: Bearer 123|secret-value')).toBe('Authorization: Bearer [redacted]');
	});

	it('ignores empty or very short secrets rather than shredding the text', () => {
		expect(redactSecrets('a b c', ['', undefined, 'a'])).toBe('a b c');
	});
});

describe('redactSecrets on echoes of a request', () => {
	const token = 'AQ_otn_TOKEN_secret+/=_é 1';

	it('removes a secret url-encoded, as encodeURIComponent and as a form with + for spaces, in either hex case', () => {
		const forms = [
			encodeURIComponent(token),
			new URLSearchParams({ v: token }).toString().slice(2),
			encodeURIComponent(token).replace(/%20/g, '+'),
			encodeURIComponent(token).toLowerCase().replace('aq_otn_token_secret', 'AQ_otn_TOKEN_secret'),
			encodeURIComponent(encodeURIComponent(token)),
		];
		for (const form of forms) {
			expect(form).not.toContain(token);
			expect(redactSecrets(`(#100) Invalid parameter: recipient=${form}&message=hi`, [token])).toBe('(#100) Invalid parameter: recipient=[redacted]&message=hi');
		}
	});

	it('removes a secret JSON-escaped, plain or with escaped slashes and \\u00e9 escapes, also JSON inside JSON', () => {
		const json = JSON.stringify({ note: token }).slice(9, -2);
		const meta = json.replace(/\//g, '\\/').replace('é', '\\u00e9');
		const twice = JSON.stringify(meta).slice(1, -1);
		for (const form of [json, meta, meta.replace('\\u00e9', '\\u00E9'), twice]) {
			expect(redactSecrets(`echo "${form}" end`, [token])).toBe('echo "[redacted]" end');
		}
	});

	it('removes a url-encoded or JSON-escaped token parameter whose value it was not given', () => {
		const echoed = [
			`recipient=%7B%22one_time_notif_token%22%3A%22AQ_x%2B%2F%3D_0%22%7D&message=%7B%22text%22%7D`,
			`{\\"recipient\\":{\\"notification_messages_token\\":\\"AQ_x\\/yyy\\u00e9zzz\\"}}`,
			`{"messenger_delivery_data":{"subscription_token":"12348141984909088"}}`,
			`{"messenger_subscription_token":"12348141984909088"}`,
		];
		for (const text of echoed) {
			const cleaned = redactSecrets(text);
			expect(cleaned).not.toMatch(/AQ_x|%2B|yyy|zzz|12348141984909088/);
			expect(cleaned).toContain('[redacted]');
		}
		expect(redactSecrets(echoed[0])).toBe('recipient=%7B%22one_time_notif_token%22%3A%22[redacted]%22%7D&message=%7B%22text%22%7D');
	});

	it('leaves text that only resembles a secret alone', () => {
		expect(redactSecrets('AQ_otn_TOKEN_secret and %41Q', [token])).toBe('AQ_otn_TOKEN_secret and %41Q');
	});
});
