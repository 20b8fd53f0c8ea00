import { setTimeout as delay } from 'node:timers/promises';

/**
 * Reads every `everyMs` until `done` accepts the value or `timeoutMs` is over, and answers the last
 * value read either way: the caller decides what running out of time means (a test's own assertion
 * reports what was there; a script stops with an error).
 */
export async function poll<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs: number, everyMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (done(value) || Date.now() > deadline) return value;
		await delay(everyMs);
	}
}
