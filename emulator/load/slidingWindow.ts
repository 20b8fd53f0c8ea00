/** Timestamps of the last second, counted as they slide out. */
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

	add(now: number): number {
		this.stamps.push(now);
		return this.count(now);
	}
}
