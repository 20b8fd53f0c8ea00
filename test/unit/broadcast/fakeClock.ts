import type { Clock } from '../../../nodes/shared/broadcast/clock';

/**
 * Virtual time: sleeps resolve in time order, and time jumps forward only when every sleeper is
 * waiting, so concurrent workers overlap as they would in real time, without the test waiting.
 */
export class FakeClock implements Clock {
	private time = 1_000_000;
	private timers: Array<{ at: number; resolve: () => void; reject: (error: Error) => void }> = [];
	private scheduled = false;

	now(): number {
		return this.time;
	}

	sleep(ms: number, signal?: AbortSignal): Promise<void> {
		if (signal?.aborted) return Promise.reject(new Error('aborted'));
		return new Promise((resolve, reject) => {
			const timer = { at: this.time + Math.max(0, ms), resolve, reject };
			this.timers.push(timer);
			signal?.addEventListener('abort', () => {
				this.timers = this.timers.filter((t) => t !== timer);
				reject(new Error('aborted'));
			});
			this.schedule();
		});
	}

	private schedule(): void {
		if (this.scheduled) return;
		this.scheduled = true;
		setImmediate(() => {
			this.scheduled = false;
			if (this.timers.length === 0) return;
			const at = Math.min(...this.timers.map((t) => t.at));
			this.time = Math.max(this.time, at);
			const due = this.timers.filter((t) => t.at <= this.time);
			this.timers = this.timers.filter((t) => t.at > this.time);
			due.forEach((t) => t.resolve());
			if (this.timers.length > 0) this.schedule();
		});
	}
}
