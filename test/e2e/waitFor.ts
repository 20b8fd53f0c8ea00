import { poll } from '../../scripts/common/poll';

/**
 * Polls until `read` gives a value `done` accepts, then returns it; after `timeoutMs`, returns the
 * last value so the test's own assertion reports what was there. n8n applies a publication
 * asynchronously, after the API call returns.
 */
export function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
	return poll(read, done, timeoutMs, 200);
}
