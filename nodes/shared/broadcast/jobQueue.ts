/** A job the broadcast still has to send: ready now, or waiting for its retry time. */
export interface QueuedJob {
	dueAt: number;
}

/**
 * Ready jobs in arrival order plus jobs waiting for a retry time. Taking from the front is O(1),
 * so a broadcast of many thousands of tokens does not slow down as it goes.
 */
export class JobQueue<T extends QueuedJob> {
	private ready: T[] = [];
	private head = 0;
	private delayed: T[] = [];

	constructor(jobs: T[]) {
		this.ready = [...jobs];
	}

	get size(): number {
		return this.ready.length - this.head + this.delayed.length;
	}

	/** A job to send again at once (rate limit: the pacer decides when). */
	pushReady(job: T): void {
		this.ready.push(job);
	}

	pushDelayed(job: T): void {
		this.delayed.push(job);
	}

	/** Up to `count` jobs that are due at `now`, oldest first. */
	takeDue(now: number, count: number): T[] {
		if (this.delayed.length > 0) {
			const due = this.delayed.filter((job) => job.dueAt <= now);
			if (due.length > 0) {
				this.delayed = this.delayed.filter((job) => job.dueAt > now);
				this.ready.push(...due);
			}
		}
		const taken = this.ready.slice(this.head, this.head + count);
		this.head += taken.length;
		if (this.head > 1024 && this.head * 2 > this.ready.length) {
			this.ready = this.ready.slice(this.head);
			this.head = 0;
		}
		return taken;
	}

	/** When the next delayed job falls due; undefined when none waits. */
	nextDueAt(): number | undefined {
		return this.delayed.length === 0 ? undefined : Math.min(...this.delayed.map((job) => job.dueAt));
	}

	/** Everything left, when the broadcast stops. */
	drain(): T[] {
		const rest = [...this.ready.slice(this.head), ...this.delayed];
		this.ready = [];
		this.head = 0;
		this.delayed = [];
		return rest;
	}
}
