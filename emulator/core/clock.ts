import { Listeners } from './listeners';

/**
 * The emulator's clock: real time plus an offset tests can move forward, so 24-hour windows,
 * token expiry and cool-downs can be crossed without waiting. Rate limiting uses real time.
 */
export class EmulatorClock {
	private offsetMs = 0;
	private readonly advanced = new Listeners();

	now(): number {
		return Date.now() + this.offsetMs;
	}

	get offset(): number {
		return this.offsetMs;
	}

	/** Moving forward makes retries and other timed work due; whoever owns them listens. */
	advance(ms: number): number {
		this.offsetMs += ms;
		this.advanced.tell();
		return this.now();
	}

	onAdvance(listener: () => void): () => void {
		return this.advanced.add(listener);
	}

	reset(): void {
		this.offsetMs = 0;
	}
}
