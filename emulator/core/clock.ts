/**
 * The emulator's clock: real time plus an offset tests can move forward, so 24-hour windows,
 * token expiry and cool-downs can be crossed without waiting. Rate limiting uses real time.
 */
export class EmulatorClock {
	private offsetMs = 0;

	now(): number {
		return Date.now() + this.offsetMs;
	}

	get offset(): number {
		return this.offsetMs;
	}

	advance(ms: number): number {
		this.offsetMs += ms;
		return this.now();
	}

	reset(): void {
		this.offsetMs = 0;
	}
}
