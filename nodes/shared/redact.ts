/** Keeps tokens and secrets out of every message, hint and log line the package writes. */

const SECRET_NAMES = 'access_token|appsecret_proof|one_time_notif_token|notification_messages_token|subscription_token|client_secret';
// A quote as JSON, JSON inside a JSON string (\") or a url-encoded form (%22) writes it.
const QUOTE = `(?:\\\\*["']|%22)?`;
// The name, its separator (`=`, `":"`, `%22%3A%22`) and the value up to the next separator; an
// escaped slash (\/) or \uXXXX inside a JSON string is part of the value.
const SECRET_PARAMS = new RegExp(
	`(${SECRET_NAMES})(${QUOTE}\\s*(?:[=:]|%3A|%3D)\\s*${QUOTE})(?:\\\\+/|\\\\u[0-9a-f]{4}|(?!%22|%26|%2C|%7D)[^&\\s"',}\\\\])+`,
	'gi',
);
const BEARER = /\bBearer\s+[A-Za-z0-9._|\-~+/]+=*/g;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `2b` as `[2][bB]`: percent-encoders and JSON write hex digits in either case. */
function hexPattern(code: number, width: number): string {
	return [...code.toString(16).padStart(width, '0')].map((digit) => `[${digit}${digit.toUpperCase()}]`).join('');
}

/**
 * Every way one character of a secret can stand in an echoed request: as itself, percent-encoded
 * (once or twice, `+` for a space as forms write it), or JSON-escaped (`\/`, `\"`, `\uXXXX`, at any
 * depth of JSON inside JSON).
 */
function charPattern(char: string): string {
	const percent = [...Buffer.from(char, 'utf8')].map((byte) => `%(?:25)?${hexPattern(byte, 2)}`).join('');
	const units = Array.from({ length: char.length }, (_, index) => char.charCodeAt(index));
	const unicode = units.map((unit) => `\\\\+u${hexPattern(unit, 4)}`).join('');
	const forms = [escapeRegExp(char), percent, unicode];
	if (char === '/' || char === '"' || char === '\\') forms.push(`\\\\+${escapeRegExp(char)}`);
	if (char === ' ') forms.push('\\+');
	return `(?:${forms.join('|')})`;
}

function secretPattern(secret: string): RegExp {
	return new RegExp([...secret].map(charPattern).join(''), 'g');
}

/**
 * Replaces every given secret, in whatever encoding an echo of the request carries it, and
 * anything that looks like a token parameter, with [redacted].
 */
export function redactSecrets(text: string, secrets: Array<string | undefined> = []): string {
	let result = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) result = result.replace(secretPattern(secret), '[redacted]');
	}
	return result.replace(SECRET_PARAMS, '$1$2[redacted]').replace(BEARER, 'Bearer [redacted]');
}
