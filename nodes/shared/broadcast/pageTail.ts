/** One call against a Page's window, as the pacer tracks it. */
export interface PacedCall {
	leftAt: number;
	messages: number;
	/** Undefined while in flight. */
	answeredAt?: number;
	/** A call that is no message (the check of the credential): Meta may count it, the Send Rate does not. */
	notAMessage?: true;
}

/** Answered calls are kept this long: Meta's one-second window, its guard and the quickest round trip fit well inside. */
const KEEP_ANSWERED_MS = 2000;
/** A call never answered (its execution was stopped) is dropped after the longest time-out a broadcast allows. */
const KEEP_IN_FLIGHT_MS = 300_000;
/** A campaign's pages follow each other within seconds; a refusal older than this says little about the Page now. */
const REFUSAL_REMEMBERED_MS = 600_000;

/**
 * A Page's latest calls in this n8n process, kept across executions. A campaign in pages runs each
 * page's broadcast as an execution of its own, often within a second of the page before (a sub-
 * workflow runs in the process of the execution that calls it, in queue mode too): the next page's
 * pacer starts from these calls, so one second of Meta's count does not hold both pages' sends.
 */
export class PageTail {
	private calls: PacedCall[] = [];
	private refusal: { perSecond: number; at: number } | undefined;

	/** The calls that may still count in a window starting now; in-flight ones are answered in place. */
	recent(now: number): PacedCall[] {
		this.dropOld(now);
		return [...this.calls];
	}

	/** Meta refused this Page at this rate: the Page's next broadcasts in the next minutes start from it. */
	refusedAt(perSecond: number, now: number): void {
		this.refusal = { perSecond, at: now };
	}

	/** The rate Meta last refused this Page at, while it is recent enough to say something about the Page. */
	lastRefusedRate(now: number): number | undefined {
		return this.refusal && this.refusal.at + REFUSAL_REMEMBERED_MS > now ? this.refusal.perSecond : undefined;
	}

	add(call: PacedCall, now: number): void {
		this.dropOld(now);
		this.calls.push(call);
	}

	private dropOld(now: number): void {
		this.calls = this.calls.filter((call) =>
			call.answeredAt === undefined ? call.leftAt + KEEP_IN_FLIGHT_MS > now : call.answeredAt + KEEP_ANSWERED_MS > now,
		);
	}
}

const tails = new Map<string, PageTail>();

/** The process-wide tail of one Page's calls. */
export function pageTailOf(pageId: string): PageTail {
	let tail = tails.get(pageId);
	if (!tail) {
		tail = new PageTail();
		tails.set(pageId, tail);
	}
	return tail;
}
