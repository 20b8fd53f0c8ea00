/**
 * What every contestant of the broadcast benchmark (OTN Broadcast against the do-it-yourself
 * workflows) faces: Meta as the emulator plays it, the target rate, and how many tokens each gets.
 */

import type { EmulatorClient } from '../../emulator/client';

/** 100 ms ± 30 ms: the emulator adds fixedMs plus a uniform 0..jitterMs. */
export const LATENCY = { fixedMs: 70, jitterMs: 60 };
export const PAGE_LIMIT_PER_SECOND = 300;
/** 1% of Send API calls answer HTTP 500: half before the message goes out, half after. */
export const HTTP_500_PERCENT_BEFORE = 0.5;
export const HTTP_500_PERCENT_AFTER = 0.5;
/** The emulator's seeded random (faults, latency jitter), so runs are comparable. */
export const EMULATOR_SEED = 6;

/** Meta as every broadcast benchmark meets it: the latency and the HTTP 500s above. */
export async function setBenchConditions(control: EmulatorClient): Promise<void> {
	await control.setLatency(LATENCY);
	await control.addFault({ kind: 'http500', phase: 'before', percent: HTTP_500_PERCENT_BEFORE, scope: 'send' });
	await control.addFault({ kind: 'http500', phase: 'after', percent: HTTP_500_PERCENT_AFTER, scope: 'send' });
}

/** The send rate this node and the tuned DIY are set to, in messages per second. */
export const TARGET_RATE_PER_SECOND = 250;
/** The tuned DIY's HTTP Request batching: 50 items every 200 ms is the same 250/s. */
export const DIY_BATCH = { batchSize: 50, batchInterval: 200 };
/** What the community templates wait between two messages. */
export const TEMPLATE_WAIT_SECONDS = 2;

export const MESSAGE_TEXT = 'The spring sale is on: 20% off everything until Sunday.';
export const CAMPAIGN = 'bench-spring-sale';

export interface Sizes {
	/** This node, the tuned and the naive DIY. */
	full: number;
	/** This node again, to see how its memory grows with the number of tokens. */
	small: number;
	/** The template DIY sends one message every 2 s: a sample only. */
	templateSample: number;
}

/** `--node-only`: only OTN Broadcast sends (no controls, no DIY, no live heap), and no results file: a check of its rate. */
export function nodeOnlyFrom(argv: string[]): boolean {
	return argv.includes('--node-only');
}

/** `--tokens=N` scales a trial run down (small = N/5, sample = N/100); the published figures use the default. */
export function sizesFrom(argv: string[]): Sizes {
	const flag = argv.find((arg) => arg.startsWith('--tokens='));
	const full = flag ? Number(flag.slice('--tokens='.length)) : 10_000;
	if (!Number.isInteger(full) || full < 50) throw new Error('--tokens must be a whole number of at least 50');
	return { full, small: Math.round(full / 5), templateSample: Math.max(3, Math.min(60, Math.round(full / 100))) };
}
