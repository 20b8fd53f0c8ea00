import type { Clock } from './clock';

export interface PacerOptions {
	/** Messages per second the user asked for. */
	targetPerSecond: number;
	/** The rate never drops below this share of the target. */
	minimumShare?: number;
	/** Share of the current rate kept after a rate-limit answer. */
	decreaseFactor?: number;
	/** How long all sending pauses after a rate-limit answer: Meta's window is one second. */
	throttlePauseMs?: number;
	/** Share of the target won back per second without a rate-limit answer. */
	recoveryPerSecond?: number;
	/**
	 * Added to Meta's one-second window: sends leave here but are counted where they arrive, a
	 * little later and not always equally late (network jitter, batch items handled in turn).
	 */
	guardMs?: number;
}

const WINDOW_MS = 1000;

/**
 * Keeps every sliding one-second window (plus a guard) within the current rate, across every
 * worker, the way Meta counts calls per Page: a batch counts as many calls as it has messages. A
 * rate-limit answer lowers the rate and pauses everyone until Meta's window has passed; the rate
 * then climbs back to the target over a few seconds, whatever the batch size.
 */
export class AdaptivePacer {
	/** Sends made, oldest first: when each left, and how many messages it carried. */
	private readonly reserved: Array<{ at: number; messages: number }> = [];
	private reservedMessages = 0;
	private pausedUntil = 0;
	private rateAfterThrottle: number;
	private throttledAt: number | undefined;
	private readonly minimum: number;
	private readonly windowMs: number;

	constructor(
		private readonly clock: Clock,
		private readonly options: PacerOptions,
	) {
		this.rateAfterThrottle = options.targetPerSecond;
		this.minimum = Math.max(0.1, options.targetPerSecond * (options.minimumShare ?? 0.05));
		this.windowMs = WINDOW_MS + (options.guardMs ?? 40);
	}

	get currentPerSecond(): number {
		const target = this.options.targetPerSecond;
		if (this.throttledAt === undefined) return target;
		const seconds = Math.max(0, this.clock.now() - this.throttledAt) / 1000;
		return Math.min(target, this.rateAfterThrottle + target * (this.options.recoveryPerSecond ?? 0.1) * seconds);
	}

	/** Drops the sends that left at or before `before`: no window that still matters holds them. */
	private forget(before: number): void {
		while (this.reserved.length > 0 && this.reserved[0].at <= before) {
			this.reservedMessages -= this.reserved.shift()!.messages;
		}
	}

	/** The earliest time from `now` when `messages` more sends fit in every window. */
	private earliestStart(now: number, messages: number): number {
		const capacity = Math.max(messages, Math.floor(this.currentPerSecond));
		let start = Math.max(now, this.pausedUntil);
		this.forget(start - this.windowMs);
		let inWindow = this.reservedMessages;
		for (const send of this.reserved) {
			if (inWindow + messages <= capacity) break;
			start = Math.max(start, send.at + this.windowMs);
			inWindow -= send.messages;
		}
		return start;
	}

	/**
	 * Waits until `messages` sends fit in Meta's window, then records them at the moment they
	 * really leave: a worker held up (a busy event loop, a slow batch) must not let later sends
	 * crowd into its window.
	 */
	async acquire(messages: number, signal?: AbortSignal): Promise<void> {
		for (;;) {
			const now = this.clock.now();
			const start = this.earliestStart(now, messages);
			if (start <= now) {
				this.reserved.push({ at: now, messages });
				this.reservedMessages += messages;
				return;
			}
			await this.clock.sleep(start - now, signal);
		}
	}

	/** Meta answered with a rate limit. Refusals of sends already out during the pause count once. */
	throttled(): void {
		const now = this.clock.now();
		if (now < this.pausedUntil) return;
		this.rateAfterThrottle = Math.max(this.minimum, this.currentPerSecond * (this.options.decreaseFactor ?? 0.7));
		this.throttledAt = now;
		this.pausedUntil = Math.max(this.pausedUntil, now + (this.options.throttlePauseMs ?? WINDOW_MS));
	}
}
