export interface BackoffOptions {
	baseMs: number;
	maxMs: number;
}

const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

/**
 * Exponential backoff with "full jitter": attempt 1 waits up to base, attempt 2 up to 2×base, …,
 * never more than max. Jitter keeps retries of one failed batch from arriving together.
 */
export function backoffDelay(attempt: number, random: () => number, options = DEFAULT_BACKOFF): number {
	const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
