import type { ErrorClass } from '../graph/errorClasses';
import { isBudgetRefusal, type Classification } from '../graph/errorTable';
import type { GraphError } from '../graph/graphError';
import type { SendOutcome } from '../graph/sendOutcome';
import type { SendRequest } from '../graph/sendRequest';
import type { MetaUsage } from '../graph/usageHeaders';
import { AdaptivePacer } from './adaptivePacer';
import type { Clock } from './clock';
import { JobQueue } from './jobQueue';
import { backoffDelay } from './retryBackoff';

/** What became of one message. */
export type SendVerdict =
	| { kind: 'sent'; messageId: string; attempts: number }
	/** An earlier attempt may have delivered it, and Meta now refuses the token as spent or cooling down. */
	| ({ kind: 'sentUnconfirmed'; attempts: number; error: GraphError } & Classification)
	| ({ kind: 'failed'; attempts: number; error: GraphError; mayHaveBeenDelivered: boolean } & Classification)
	| { kind: 'notAttempted'; errorClass: ErrorClass | 'cancelled'; meaning: string };

export interface BroadcastOptions {
	ratePerSecond: number;
	concurrency: number;
	/** 1 sends each message alone; up to 50 uses Graph batch requests. */
	batchSize: number;
	/** Attempts of a message that fails for a temporary reason, the first one included. */
	maxAttempts: number;
	/** Rate-limit answers one message may get before it is reported instead of retried. */
	maxThrottledRetries?: number;
	clock: Clock;
	random?: () => number;
	signal?: AbortSignal;
	/** Meta's usage headers as the Graph client saw them (usageWatch.ts): slow down, or stop when spent. */
	usage?: UsageSignals;
	/** Calls with the Page token made just before (the check of the credential), counted with the sends. */
	callsBefore?: EarlierCall[];
}

export interface EarlierCall {
	leftAt: number;
	answeredAt: number;
}

/** What the runner reads of Meta's usage headers. */
export interface UsageSignals {
	rateShare(): number;
	/** Why nothing more can be sent; undefined while the budget lasts. */
	spent(): string | undefined;
	readonly peak?: MetaUsage;
}

export interface BroadcastStats {
	calls: number;
	throttledAnswers: number;
	retries: number;
	durationMs: number;
	finalRatePerSecond: number;
	/** The fullest counter of Meta's usage headers during the run. */
	usagePeak?: MetaUsage;
	/** The lowest rate the pacer kept to, when Meta's usage slowed it. */
	slowestPerSecond?: number;
}

/** Sends a batch of requests (one, or up to 50 for a Graph batch) and answers one outcome each. */
export type SendFunction<R = SendRequest> = (requests: R[]) => Promise<SendOutcome[]>;

interface JobState {
	index: number;
	attempts: number;
	throttled: number;
	/** A failed attempt may have reached the subscriber. */
	ambiguous: boolean;
	dueAt: number;
}

const IDLE_POLL_MS = 25;

/**
 * Sends every request once, paced across `concurrency` workers, in batches, retrying what Meta
 * refused for now, and returns one verdict per request, in order. Errors that stop the job
 * (credential, permission, Page-wide) end it: everything not yet sent is reported, not lost.
 */
export async function runBroadcast<R = SendRequest>(
	requests: R[],
	send: SendFunction<R>,
	options: BroadcastOptions,
): Promise<{ verdicts: SendVerdict[]; stats: BroadcastStats }> {
	const { clock, signal } = options;
	const random = options.random ?? Math.random;
	const maxThrottled = options.maxThrottledRetries ?? 20;
	const usage = options.usage;
	const pacer = new AdaptivePacer(clock, { targetPerSecond: options.ratePerSecond, usageShare: usage && (() => usage.rateShare()) });
	for (const call of options.callsBefore ?? []) pacer.countEarlierCall(call.leftAt, call.answeredAt);
	const verdicts: Array<SendVerdict | undefined> = new Array(requests.length);
	const queue = new JobQueue<JobState>(
		requests.map((_, index) => ({ index, attempts: 0, throttled: 0, ambiguous: false, dueAt: 0 })),
	);
	const stats: BroadcastStats = { calls: 0, throttledAnswers: 0, retries: 0, durationMs: 0, finalRatePerSecond: 0 };
	const started = clock.now();
	let inFlight = 0;
	let slowest = options.ratePerSecond;
	let stopped: { errorClass: ErrorClass | 'cancelled'; meaning: string } | undefined;

	function settle(job: JobState, outcome: SendOutcome): 'throttled' | undefined {
		if (outcome.ok) {
			verdicts[job.index] = { kind: 'sent', messageId: outcome.messageId, attempts: job.attempts };
			return undefined;
		}
		const { error, errorClass } = outcome;
		if (errorClass === 'throttled' && job.throttled < maxThrottled) {
			job.throttled++;
			stats.throttledAnswers++;
			queue.pushReady(job);
			return 'throttled';
		}
		if (errorClass === 'transient') {
			job.ambiguous ||= outcome.mayHaveBeenDelivered;
			if (job.attempts < options.maxAttempts) {
				stats.retries++;
				job.dueAt = clock.now() + backoffDelay(job.attempts, random);
				queue.pushDelayed(job);
				return undefined;
			}
		}
		// Meta refused for a spent budget: the row says when access returns, as the headers tell it.
		const meaning = errorClass === 'stop' && isBudgetRefusal(error) ? (usage?.spent() ?? outcome.meaning) : outcome.meaning;
		if (job.ambiguous && (errorClass === 'tokenSpent' || errorClass === 'notNow')) {
			verdicts[job.index] = { kind: 'sentUnconfirmed', attempts: job.attempts, error, errorClass, meaning: outcome.meaning };
			return undefined;
		}
		verdicts[job.index] = {
			kind: 'failed',
			attempts: job.attempts,
			error,
			errorClass,
			meaning,
			mayHaveBeenDelivered: job.ambiguous || outcome.mayHaveBeenDelivered,
		};
		if (errorClass === 'stop' && !stopped) stopped = { errorClass, meaning };
		return undefined;
	}

	/** Meta reported the budget spent: nothing more leaves, whatever waits for a slot. */
	function budgetSpent(): boolean {
		const meaning = usage?.spent();
		if (meaning && !stopped) stopped = { errorClass: 'stop', meaning };
		return meaning !== undefined;
	}

	async function sendBatch(batch: JobState[]): Promise<void> {
		inFlight++;
		try {
			let paced;
			try {
				paced = await pacer.acquire(batch.length, signal);
			} catch {
				// Cancelled while waiting for a slot: these were never sent.
				batch.forEach((job) => queue.pushReady(job));
				return;
			}
			if (stopped || budgetSpent()) {
				paced.settle();
				batch.forEach((job) => queue.pushReady(job));
				return;
			}
			slowest = Math.min(slowest, pacer.currentPerSecond);
			for (const job of batch) job.attempts++;
			stats.calls++;
			let outcomes;
			try {
				outcomes = await send(batch.map((job) => requests[job.index]));
			} finally {
				paced.settle();
			}
			let throttled = false;
			batch.forEach((job, i) => {
				if (settle(job, outcomes[i]) === 'throttled') throttled = true;
			});
			if (throttled) pacer.throttled();
		} finally {
			inFlight--;
		}
	}

	async function worker(): Promise<void> {
		while (!stopped && !signal?.aborted && !budgetSpent()) {
			const batch = queue.takeDue(clock.now(), options.batchSize);
			if (batch.length > 0) {
				await sendBatch(batch);
				continue;
			}
			if (queue.size === 0 && inFlight === 0) return;
			const nextDue = queue.nextDueAt() ?? clock.now() + IDLE_POLL_MS;
			try {
				await clock.sleep(Math.max(1, Math.min(IDLE_POLL_MS, nextDue - clock.now())), signal);
			} catch {
				return;
			}
		}
	}

	await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));

	const leftOver = stopped ?? (signal?.aborted ? { errorClass: 'cancelled' as const, meaning: 'The execution was cancelled before this message was sent' } : undefined);
	for (const job of queue.drain()) {
		if (verdicts[job.index]) continue;
		verdicts[job.index] = {
			kind: 'notAttempted',
			errorClass: leftOver?.errorClass ?? 'cancelled',
			meaning: leftOver ? `Not sent: ${leftOver.meaning}` : 'Not sent',
		};
	}
	stats.durationMs = clock.now() - started;
	stats.finalRatePerSecond = pacer.currentPerSecond;
	stats.usagePeak = usage?.peak;
	if (slowest < options.ratePerSecond) stats.slowestPerSecond = slowest;
	return { verdicts: verdicts as SendVerdict[], stats };
}
