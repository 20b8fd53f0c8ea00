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
	/** Added to Meta's one-second window: a round trip a little quicker than any seen yet, and timer granularity. */
	guardMs?: number;
	/** Share of the rate Meta's reported usage leaves (1 = all of it); read before every send. */
	usageShare?: () => number;
}

/** One send against the Page's window; settle() it when its answer (or its failure) arrives. */
export interface PacedSend {
	settle(): void;
}

const WINDOW_MS = 1000;
/** How often a send waiting on others still in flight looks again. */
const IN_FLIGHT_POLL_MS = 5;
/** Answers seen before the quickest round trip is trusted; until then a send holds its share until a second after its answer. */
const ANSWERS_BEFORE_TRUSTING_ROUND_TRIP = 10;
/**
 * Sends follow each other by this share of their even interval (n ÷ rate): close enough to spread
 * a second's batches, loose enough that one late answer, which holds back a send a second later,
 * does not hold back every send behind it.
 */
const SPACING_SHARE = 0.75;
/** A send this late on its even slot keeps the slot's time, so timer delays do not add up. */
const SLOT_SLACK_MS = 10;

/**
 * Keeps every sliding one-second window within the current rate, across every worker, the way Meta
 * counts calls per Page: a batch counts as many calls as it has messages. Meta counts a send at
 * some moment between when it leaves and when its answer arrives, at the same stage of its
 * handling for every call, so no later call is counted sooner after it leaves than the quickest
 * round trip. A send therefore holds its share of the window until one second after its answer,
 * less the quickest round trip seen (none until ten answers have come): while answers come
 * steadily that is about one second after it left, and a send held up (a busy process, a slow
 * network) holds its share longer, so later sends cannot crowd into the window where Meta counted it. That is what lets
 * shards in separate processes each keep to their part of the rate. A rate-limit answer lowers the
 * rate and pauses everyone until Meta's window has passed; the rate then climbs back to the target
 * over a few seconds.
 *
 * Sends are also spread out: one of n messages waits at least ¾ of n ÷ rate after the one before,
 * so a second's batches leave at steady intervals instead of together, and a late answer holds
 * back the one send a second later, not every send behind it.
 */
export class AdaptivePacer {
	/** Sends in flight (answeredAt undefined) or answered within the window. */
	private sends: Send[] = [];
	/** The quickest round trip so far. */
	private quickestRoundTripMs = 0;
	private answers = 0;
	private pausedUntil = 0;
	private rateAfterThrottle: number;
	private throttledAt: number | undefined;
	/** The even slot of the next send. */
	private nextSlotAt = 0;
	private readonly minimum: number;
	private readonly windowMs: number;

	constructor(
		private readonly clock: Clock,
		private readonly options: PacerOptions,
	) {
		this.rateAfterThrottle = options.targetPerSecond;
		this.minimum = Math.max(0.1, options.targetPerSecond * (options.minimumShare ?? 0.05));
		this.windowMs = WINDOW_MS + (options.guardMs ?? 20);
	}

	get currentPerSecond(): number {
		const target = this.options.targetPerSecond;
		const usageShare = this.options.usageShare?.() ?? 1;
		const allowed = Math.max(this.minimum, target * Math.min(1, usageShare));
		if (this.throttledAt === undefined) return allowed;
		const seconds = Math.max(0, this.clock.now() - this.throttledAt) / 1000;
		return Math.min(allowed, this.rateAfterThrottle + target * (this.options.recoveryPerSecond ?? 0.1) * seconds);
	}

	/**
	 * The earliest time from `now` when `messages` more sends fit in every window; Infinity while
	 * that depends on a send still in flight (Meta may count it at any moment until it answers).
	 * Meta counted an answered send by its answer less the quickest return trip, and counts a new
	 * one after its quickest outward trip: together at most the quickest round trip.
	 */
	private earliestStart(now: number, messages: number): number {
		const capacity = Math.max(messages, Math.floor(this.currentPerSecond));
		let start = Math.max(now, this.pausedUntil, this.nextSlotAt);
		const quickest = this.answers >= ANSWERS_BEFORE_TRUSTING_ROUND_TRIP ? this.quickestRoundTripMs : 0;
		const countedBy = (send: Send) => (send.answeredAt === undefined ? Infinity : send.answeredAt - quickest);
		this.sends = this.sends.filter((send) => countedBy(send) + this.windowMs > start);
		let inWindow = this.sends.reduce((sum, send) => sum + send.messages, 0);
		const countedFirst = [...this.sends].sort((a, b) => countedBy(a) - countedBy(b));
		for (const send of countedFirst) {
			if (inWindow + messages <= capacity) break;
			start = Math.max(start, countedBy(send) + this.windowMs);
			inWindow -= send.messages;
		}
		return start;
	}

	/**
	 * Waits until `messages` sends fit in Meta's window, then counts them from the moment they
	 * really leave; the caller settles the returned send when its answer arrives.
	 */
	async acquire(messages: number, signal?: AbortSignal): Promise<PacedSend> {
		for (;;) {
			const now = this.clock.now();
			const start = this.earliestStart(now, messages);
			if (start <= now) {
				const send: Send = { leftAt: now, messages };
				this.sends.push(send);
				const slot = now - this.nextSlotAt <= SLOT_SLACK_MS ? this.nextSlotAt : now;
				this.nextSlotAt = slot + ((messages / this.currentPerSecond) * 1000 * SPACING_SHARE);
				return {
					settle: () => {
						send.answeredAt = this.clock.now();
						const roundTrip = send.answeredAt - send.leftAt;
						this.quickestRoundTripMs = this.answers++ === 0 ? roundTrip : Math.min(this.quickestRoundTripMs, roundTrip);
					},
				};
			}
			await this.clock.sleep(Number.isFinite(start) ? start - now : IN_FLIGHT_POLL_MS, signal);
		}
	}

	/**
	 * A call with the Page token made just before the broadcast (the check of the credential): it
	 * holds its share of the window like an answered send, in case Meta counts it with the sends.
	 */
	countEarlierCall(leftAt: number, answeredAt: number): void {
		this.sends.push({ leftAt, answeredAt, messages: 1 });
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

interface Send {
	leftAt: number;
	messages: number;
	answeredAt?: number;
}
