import { sleep } from 'n8n-workflow';

/** Time as the broadcast sees it: real in n8n, fake in tests, so pacing is tested without waiting. */
export interface Clock {
	now(): number;
	/** Resolves after `ms`, or rejects at once when `signal` aborts. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms, signal) => {
		if (ms > 0) await sleep(ms, signal);
	},
};
