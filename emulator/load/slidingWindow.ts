/** Timestamps of the last span (a second unless told), counted as they slide out. */
export class SlidingWindow {
	private stamps: number[] = [];
	private head = 0;

	constructor(private readonly spanMs = 1000) {}

	/** Calls inside (now - span, now]. */
	count(now: number): number {
		while (this.head < this.stamps.length && this.stamps[this.head] <= now - this.spanMs) this.head++;
		if (this.head > 1024 && this.head * 2 > this.stamps.length) {
			this.stamps = this.stamps.slice(this.head);
			this.head = 0;
		}
		return this.stamps.length - this.head;
	}

	/** The time of the nth oldest stamp still inside (0 = the oldest); call count() first. */
	stampAt(n: number): number {
		return this.stamps[this.head + n];
	}

	add(now: number): number {
		this.stamps.push(now);
		return this.count(now);
	}
}
