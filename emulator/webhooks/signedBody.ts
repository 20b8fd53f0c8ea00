import { createHmac, randomBytes } from 'crypto';

import { RawJsonNumber } from '../fixtures/webhookBodies';

/**
 * A webhook body serialized once and signed over exactly those bytes (docs/meta-platform.md §5.3). Like Meta,
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

// A stand-in no real string holds: a NUL (which JSON.stringify escapes) and a per-process nonce.
const NONCE = randomBytes(8).toString('hex');
const NUMBER_MARK = `\u0000${NONCE}:`;
const MARKED_NUMBER = new RegExp(`"\\\\u0000${NONCE}:(\\d+)"`, 'g');

/** §3.5 prints some ids as numbers: written digit for digit, never through a lossy double. */
function rawNumbers(_key: string, value: unknown): unknown {
	return value instanceof RawJsonNumber ? `${NUMBER_MARK}${value.digits}` : value;
}

export function metaJson(value: unknown): string {
	return JSON.stringify(value, rawNumbers)
		.replace(MARKED_NUMBER, '$1')
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
