/**
 * Where a broadcast's time goes, read from the emulator's delivery times against the node's run:
 * from the node's start to the first delivery (checks before sending, the first round trip), the
 * steady middle of the run, and from the last delivery to the node's end (the last answers, the
 * retries' backoff, building the output).
 */
import type { DeliveryRecord } from '../../emulator/client';
import type { Execution } from '../../scripts/n8n/n8n-workflows';
import { runsOf } from './executionItems';

export interface RateBreakdown {
	startUpSeconds: number;
	/** Deliveries per second between the first and the last tenth of the deliveries. */
	steadyPerSecond: number;
	tailSeconds: number;
}

export function rateBreakdown(execution: Execution | undefined, node: string, deliveries: DeliveryRecord[]): RateBreakdown | undefined {
	const run = runsOf(execution, node)[0];
	const times = deliveries.map((delivery) => delivery.at).sort((a, b) => a - b);
	if (!run?.startTime || times.length < 20) return undefined;
	return {
		startUpSeconds: (times[0] - run.startTime) / 1000,
		steadyPerSecond: steadyPerSecondOf(times),
		tailSeconds: (run.startTime + (run.executionTime ?? 0) - times[times.length - 1]) / 1000,
	};
}

/** Deliveries per second between the first and the last tenth of `sortedTimes`: the pace without the start and the end. */
export function steadyPerSecondOf(sortedTimes: number[]): number {
	const tenth = Math.floor(sortedTimes.length / 10);
	const from = sortedTimes[tenth];
	const to = sortedTimes[sortedTimes.length - 1 - tenth];
	return to > from ? (sortedTimes.length - 1 - 2 * tenth) / ((to - from) / 1000) : 0;
}
