import { randomInt } from 'crypto';
import { STATUS_CODES } from 'http';

import type { CallbackHttp } from './callbackHttp';

/**
 * The GET Meta sends before it accepts a callback URL (docs/meta-platform.md §5.1):
 * `?hub.mode=subscribe&hub.verify_token=<token>&hub.challenge=<int>`. It passes only on HTTP 200
 * whose body is exactly the challenge (strictest reading: no whitespace, no JSON quoting).
 * Resolves to undefined on success, else to the reason, worded for the 2200 error.
 */
export async function verifyCallback(http: CallbackHttp, callbackUrl: string, verifyToken: string, timeoutMs: number): Promise<string | undefined> {
	// Like the §5.1 sample (1158201444): a positive 32-bit integer.
	const challenge = String(randomInt(1_000_000_000, 2_147_483_647));
	const url = new URL(callbackUrl);
	url.searchParams.append('hub.mode', 'subscribe');
	url.searchParams.append('hub.verify_token', verifyToken);
	url.searchParams.append('hub.challenge', challenge);
	const outcome = await http.call({ method: 'GET', url: url.toString(), headers: { 'User-Agent': 'facebookplatform/1.0' }, timeoutMs });
	if (outcome.kind === 'timeout') return `Operation timed out after ${timeoutMs} milliseconds`;
	if (outcome.kind === 'error') return `Couldn't connect to server (${outcome.message})`;
	if (outcome.status !== 200) return `HTTP Status Code = ${outcome.status}; HTTP Message = ${STATUS_CODES[outcome.status] ?? 'Unknown'}`;
	if (outcome.body !== challenge) return `The response does not match the challenge, expected value="${challenge}", received="${outcome.body.slice(0, 100)}"`;
	return undefined;
}
