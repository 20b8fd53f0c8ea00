import type { Clock } from './clock';

export interface PacerOptions {
	/** Messages per second the user asked for. */
	targetPerSecond: number;
	/** The rate never drops below this share of the target. */
	minimumShare?: number;
	/** How long all sending pauses after a rate-limit answer. */
	throttlePauseMs?: number;
	/** Share of the target won back after each confirmed send. */
	recoveryStep?: number;
}

/**
 * Spaces sends so that, across every worker, messages leave at the current rate: each message
 * takes a slot of 1/rate seconds. A rate-limit answer halves the rate and pauses everyone; each
 * accepted send wins a little back, up to the target (additive increase, multiplicative decrease).
 */
export class AdaptivePacer {
	private nextSlotAt = 0;
	private rate: number;
	private readonly minimum: number;
	private readonly pauseMs: number;
	private readonly step: number;

	constructor(
		private readonly clock: Clock,
		private readonly options: PacerOptions,
	) {
		this.rate = options.targetPerSecond;
		this.minimum = Math.max(0.1, options.targetPerSecond * (options.minimumShare ?? 0.05));
		this.pauseMs = options.throttlePauseMs ?? 1000;
		this.step = options.targetPerSecond * (options.recoveryStep ?? 0.02);
	}

	get currentPerSecond(): number {
		return this.rate;
	}

	/** Waits for the slots of `messages` sends, then returns. */
	async acquire(messages: number, signal?: AbortSignal): Promise<void> {
		const now = this.clock.now();
		const start = Math.max(now, this.nextSlotAt);
		this.nextSlotAt = start + (messages * 1000) / this.rate;
		await this.clock.sleep(start - now, signal);
	}

	throttled(): void {
		this.rate = Math.max(this.minimum, this.rate / 2);
		this.nextSlotAt = Math.max(this.nextSlotAt, this.clock.now() + this.pauseMs);
	}

	succeeded(messages: number): void {
		this.rate = Math.min(this.options.targetPerSecond, this.rate + this.step * messages);
	}
}
