import { createHash } from 'crypto';

/**
 * The stable key of a token row: a hash of the token, never the token, so stores and logs can
 * use it freely. The same token always gives the same id (Meta's retries included).
 */
export function tokenIdOf(token: string): string {
	return `tok_${createHash('sha256').update(`messenger-otn-token:${token}`).digest('hex').slice(0, 32)}`;
}

const TOKEN_ID_FORMAT = /^tok_[0-9a-f]{32}$/;

/** Whether a value has the form tokenIdOf gives, so a shifted column is caught. */
export function isTokenId(value: unknown): value is string {
	return typeof value === 'string' && TOKEN_ID_FORMAT.test(value);
}
