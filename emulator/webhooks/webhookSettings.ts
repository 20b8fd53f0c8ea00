import { MINUTE_MS, WEBHOOK_TIMEOUT_MS } from '../core/durations';

/** How the emulator delivers webhooks: batching, time-out, retries, duplicates, automatic receipts. */

export interface WebhookSettings {
	/** How long the first event of a POST waits for others to join it (emulator clock). */
	batchWindowMs: number;
	/** At most this many messaging events in one POST. */
	maxEventsPerPost: number;
	/** A POST not fully answered within this time has failed (docs/meta-platform.md §5.4: 5 s). */
	timeoutMs: number;
	/** Share (0–100) of delivered POSTs sent once more, same body and signature. */
	duplicatePercent: number;
	/** Wait before each retry after a failed attempt; the last one repeats until the hour is over. */
	retryDelaysMs: number[];
	/** Share (0–100) of messages the subscriber's Messenger reports delivered by itself. */
	autoDeliveryPercent: number;
	/** Share (0–100) of those it also reports read. */
	autoReadPercent: number;
}

/** docs/meta-platform.md §5.4: "immediately a few times", then less often: 3 immediate, then 1, 5, 15, 30 min. */
export const DEFAULT_RETRY_DELAYS_MS = [0, 0, 0, MINUTE_MS, 5 * MINUTE_MS, 15 * MINUTE_MS, 30 * MINUTE_MS];

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
	batchWindowMs: 50,
	maxEventsPerPost: 100,
	timeoutMs: WEBHOOK_TIMEOUT_MS,
	duplicatePercent: 0,
	retryDelaysMs: DEFAULT_RETRY_DELAYS_MS,
	autoDeliveryPercent: 0,
	autoReadPercent: 0,
};

export class WebhookSettingsError extends Error {}

/** `base` with the given changes, each checked; throws WebhookSettingsError on a bad value. */
export function mergeWebhookSettings(base: WebhookSettings, changes: Record<string, unknown>): WebhookSettings {
	const next: WebhookSettings = { ...base, retryDelaysMs: [...base.retryDelaysMs] };
	for (const [name, value] of Object.entries(changes)) {
		if (value === undefined) continue;
		if (name === 'retryDelaysMs') next.retryDelaysMs = retryDelays(value);
		else if (name === 'batchWindowMs') next.batchWindowMs = number(name, value, 0);
		else if (name === 'maxEventsPerPost') next.maxEventsPerPost = integer(name, value, 1);
		else if (name === 'timeoutMs') next.timeoutMs = number(name, value, 10);
		else if (name === 'duplicatePercent' || name === 'autoDeliveryPercent' || name === 'autoReadPercent') next[name] = percent(name, value);
		else throw new WebhookSettingsError(`unknown webhook setting ${name}`);
	}
	return next;
}

function number(name: string, value: unknown, min: number): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min) throw new WebhookSettingsError(`${name} must be a number of at least ${min}`);
	return value;
}

function integer(name: string, value: unknown, min: number): number {
	const result = number(name, value, min);
	if (!Number.isInteger(result)) throw new WebhookSettingsError(`${name} must be an integer`);
	return result;
}

function percent(name: string, value: unknown): number {
	const result = number(name, value, 0);
	if (result > 100) throw new WebhookSettingsError(`${name} must be between 0 and 100`);
	return result;
}

/** The last delay repeats, so it must be above 0 or retries would never leave room for the clock. */
function retryDelays(value: unknown): number[] {
	if (!Array.isArray(value) || value.length === 0) throw new WebhookSettingsError('retryDelaysMs must be a non-empty array of numbers');
	const delays = value.map((delay) => number('retryDelaysMs[]', delay, 0));
	if (delays[delays.length - 1] <= 0) throw new WebhookSettingsError('the last of retryDelaysMs repeats, so it must be above 0');
	return delays;
}
