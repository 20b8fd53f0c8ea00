import type { Clock } from './clock';
import type { PacedCall, PageTail } from './pageTail';

export interface PacerOptions {
	/** Messages per second the user asked for: how many leave in any one second. */
	targetPerSecond: number;
	/**
	 * Meta's own limit for these calls (this pacer's share of it): Meta never counts more of them in
	 * one second, however their round trips vary. The target when not given.
	 */
	metaLimitPerSecond?: number;
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
 * Paces a broadcast by two windows of one second, across every worker:
 *
 * - The Send Rate: no more messages leave in any second than the current rate. That is the pace
 *   the user chose, and the broadcast holds it.
 * - Meta's limit, the way Meta counts calls per Page (a batch counts as many calls as it has
 *   messages). Meta counts a send at some moment between when it leaves and when its answer
 *   arrives, at the same stage of its handling for every call, so no later call is counted sooner
 *   after it leaves than the quickest round trip. A send therefore holds its share of Meta's window
 *   until one second after its answer, less the quickest round trip seen (none until ten answers
 *   have come): while answers come steadily that is a little more than a second after it left, and
 *   a send held up (a busy process, a slow network) holds its share longer, so later sends cannot
 *   crowd into the window where Meta counted it. That is what lets shards in separate processes
 *   each keep to their part of Meta's limit. Round trips that vary make this window cost a few
 *   percent of the pace, which is why the Send Rate is paced by when sends leave, with Meta's limit
 *   as the bound that cannot be crossed: a Send Rate a little under Meta's limit is held in full.
 *
 * A rate-limit answer means the Page takes less than Meta's published limit: from then on Meta's
 * count is held to the Send Rate as well. It also lowers both and pauses everyone until Meta's
 * window has passed; they then climb back over a few seconds.
 *
 * Sends are also spread out: one of n messages waits at least ¾ of n ÷ rate after the one before,
 * so a second's batches leave at steady intervals instead of together, and a late answer holds
 * back the one send a second later, not every send behind it.
 */
export class AdaptivePacer {
	/** Sends in flight (answeredAt undefined) or answered within the window, this pacer's and the Page's before it. */
	private sends: PacedCall[] = [];
	/** Where this pacer's sends are also kept for the Page's next broadcast in this process. */
	private tail: PageTail | undefined;
	private metaLimitPerSecond: number;
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
		this.metaLimitPerSecond = options.metaLimitPerSecond ?? options.targetPerSecond;
	}

	/** The calls about to go fall under a lower limit of Meta's (audio and video: 10 a second); never raises it. */
	limitMetaCountTo(perSecond: number): void {
		this.metaLimitPerSecond = Math.min(this.metaLimitPerSecond, perSecond);
	}

	/**
	 * From now on this pacer also counts the Page's latest calls from earlier broadcasts in this
	 * process (the page before, in a campaign in pages), and leaves its own there for the next.
	 */
	continuePageTail(tail: PageTail): void {
		const now = this.clock.now();
		const own = this.sends;
		this.sends = [...tail.recent(now), ...own];
		own.forEach((send) => tail.add(send, now));
		this.tail = tail;
		const refused = tail.lastRefusedRate(now);
		if (refused !== undefined) this.limitMetaCountTo(refused);
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
	 * The earliest time from `now` when `messages` more sends fit in both windows; Infinity while
	 * that depends on a send still in flight (Meta may count it at any moment until it answers).
	 * Meta counted an answered send by its answer less the quickest return trip, and counts a new
	 * one after its quickest outward trip: together at most the quickest round trip.
	 */
	private earliestStart(now: number, messages: number): number {
		const rate = this.currentPerSecond;
		let start = Math.max(now, this.pausedUntil, this.nextSlotAt);
		const quickest = this.answers >= ANSWERS_BEFORE_TRUSTING_ROUND_TRIP ? this.quickestRoundTripMs : 0;
		const countedBy = (send: PacedCall) => (send.answeredAt === undefined ? Infinity : send.answeredAt - quickest);
		this.sends = this.sends.filter((send) => Math.max(countedBy(send), send.leftAt) + this.windowMs > start);
		// The Send Rate, by when messages leave.
		const messageLeftWindowAt = (send: PacedCall) => (send.notAMessage ? -Infinity : send.leftAt + WINDOW_MS);
		start = Math.max(start, fitInWindow(this.sends, messageLeftWindowAt, start, messages, rate));
		// Meta's limit, by when Meta may have counted them; lowered with the rate after a refusal or by usage.
		const metaLimit = this.metaLimitPerSecond * (rate / this.options.targetPerSecond);
		return Math.max(start, fitInWindow(this.sends, (send) => countedBy(send) + this.windowMs, start, messages, metaLimit));
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
				const send: PacedCall = { leftAt: now, messages };
				this.sends.push(send);
				this.tail?.add(send, now);
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
	 * holds its share of Meta's window like an answered send, in case Meta counts it with the sends.
	 * It is no message, so the Send Rate does not count it.
	 */
	countEarlierCall(leftAt: number, answeredAt: number): void {
		const call: PacedCall = { leftAt, answeredAt, messages: 1, notAMessage: true };
		this.sends.push(call);
		this.tail?.add(call, this.clock.now());
	}

	/**
	 * Meta answered with a rate limit. Refusals of sends already out during the pause count once.
	 * The Page takes less than Meta's published limit (other apps share it, or Meta set it lower):
	 * from now on Meta's count is held to the Send Rate too, as the user's best word on the Page.
	 */
	throttled(): void {
		const now = this.clock.now();
		this.metaLimitPerSecond = Math.min(this.metaLimitPerSecond, this.options.targetPerSecond);
		this.tail?.refusedAt(this.metaLimitPerSecond, now);
		if (now < this.pausedUntil) return;
		this.rateAfterThrottle = Math.max(this.minimum, this.currentPerSecond * (this.options.decreaseFactor ?? 0.7));
		this.throttledAt = now;
		this.pausedUntil = Math.max(this.pausedUntil, now + (this.options.throttlePauseMs ?? WINDOW_MS));
	}
}

/**
 * The earliest time from `start` when `messages` more fit among `sends` in a window of `perSecond`,
 * each send holding its place until `heldUntil` it.
 */
function fitInWindow(sends: PacedCall[], heldUntil: (send: PacedCall) => number, start: number, messages: number, perSecond: number): number {
	const capacity = Math.max(messages, Math.floor(perSecond));
	const holding = sends.filter((send) => heldUntil(send) > start).sort((a, b) => heldUntil(a) - heldUntil(b));
	let inWindow = holding.reduce((sum, send) => sum + send.messages, 0);
	let earliest = start;
	for (const send of holding) {
		if (inWindow + messages <= capacity) break;
		earliest = heldUntil(send);
		inWindow -= send.messages;
	}
	return earliest;
}
