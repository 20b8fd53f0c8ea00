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
