import { SlidingWindow } from './slidingWindow';

/**
 * Per-Page limit over a sliding one-second window (docs/meta-platform.md §4.6: 300 calls/s per Page).
 * Refused calls count toward the window too (undocumented: strictest reading — Meta counts
 * calls, not successes), so a caller that keeps hammering stays refused until it slows down.
 */
export class RateLimiter {
	private readonly overrides = new Map<string, number>();
	private readonly windows = new Map<string, SlidingWindow>();

	constructor(private defaultPerSecond: number) {}

	setLimit(perSecond: number, pageId?: string): void {
		if (pageId === undefined) this.defaultPerSecond = perSecond;
		else this.overrides.set(pageId, perSecond);
	}

	/** The Page's limit, or the default one when no Page is given. */
	limitFor(pageId?: string): number {
		return (pageId === undefined ? undefined : this.overrides.get(pageId)) ?? this.defaultPerSecond;
	}

	/** Records the call; false when it is over the Page's limit. */
	tryCall(pageId: string, nowMs: number): boolean {
		let window = this.windows.get(pageId);
		if (!window) this.windows.set(pageId, (window = new SlidingWindow()));
		const before = window.count(nowMs);
		window.add(nowMs);
		return before < this.limitFor(pageId);
	}

	reset(defaultPerSecond: number): void {
		this.defaultPerSecond = defaultPerSecond;
		this.overrides.clear();
		this.windows.clear();
	}
}
