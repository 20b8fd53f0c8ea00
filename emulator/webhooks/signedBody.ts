import { createHmac } from 'crypto';

/**
 * A webhook body serialized once and signed over exactly those bytes (reference §5.3). Like Meta,
 * every non-ASCII character is escaped as \uXXXX (äöå → \u00e4\u00f6\u00e5), so the body is pure
 * ASCII and a receiver that re-serializes the parsed JSON gets other bytes and a wrong signature.
 * Slashes are escaped as \/ too, as PHP's json_encode does (strictest reading; see the README).
 */

export interface SignedBody {
	/** The exact text sent; ASCII only. */
	text: string;
	/** `sha256=<lowercase hex HMAC-SHA256 of text, keyed with the App secret>`. */
	signature: string;
}

export function metaJson(value: unknown): string {
	return JSON.stringify(value)
		.replace(/\//g, '\\/')
		.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function signBody(text: string, appSecret: string): string {
	return `sha256=${createHmac('sha256', appSecret).update(Buffer.from(text, 'utf8')).digest('hex')}`;
}

export function signedBody(value: unknown, appSecret: string): SignedBody {
	const text = metaJson(value);
	return { text, signature: signBody(text, appSecret) };
}
