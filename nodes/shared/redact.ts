/** Keeps tokens and secrets out of every message, hint and log line the package writes. */

const SECRET_PARAMS =
	/\b(access_token|appsecret_proof|one_time_notif_token|notification_messages_token|subscription_token|client_secret)(["']?\s*[=:]\s*["']?)[^&\s"',}]+/gi;
const BEARER = /\bBearer\s+[A-Za-z0-9._|\-~+/]+=*/g;

/** Replaces every given secret, and anything that looks like a token parameter, with [redacted]. */
export function redactSecrets(text: string, secrets: Array<string | undefined> = []): string {
	let result = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) result = result.split(secret).join('[redacted]');
	}
	return result.replace(SECRET_PARAMS, '$1$2[redacted]').replace(BEARER, 'Bearer [redacted]');
}
