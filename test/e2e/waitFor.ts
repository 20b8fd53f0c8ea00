import { setTimeout as delay } from 'node:timers/promises';

/**
 * Polls until `read` gives a value `done` accepts, then returns it; after `timeoutMs`, returns the
 * last value so the test's own assertion reports what was there. n8n applies a publication
 * asynchronously, after the API call returns.
 */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (done(value) || Date.now() > deadline) return value;
		await delay(200);
	}
}
