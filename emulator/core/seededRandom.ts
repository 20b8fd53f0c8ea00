/** A small seeded generator (mulberry32) so fault percentages and jitter can be replayed. */
export class SeededRandom {
	private state = 0;

	constructor(seed: number = Date.now()) {
		this.reseed(seed);
	}

	reseed(seed: number): void {
		this.state = seed >>> 0;
	}

	/** A number in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
}
