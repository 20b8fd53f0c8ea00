/** A job the broadcast still has to send: ready now, or waiting for its retry time. */
export interface QueuedJob {
	dueAt: number;
}

/**
 * Jobs not yet tried in arrival order, retries waiting for their time, and retries whose time has
 * come. A retry goes out as soon as its wait is over, ahead of jobs not yet tried: it has waited
 * already, and the broadcast does not end with every retry of the run still to send. Taking from
 * the front is O(1), so a broadcast of many thousands of tokens does not slow down as it goes.
 */
export class JobQueue<T extends QueuedJob> {
	private ready: T[] = [];
	private head = 0;
	private delayed: T[] = [];
	private dueRetries: T[] = [];

	constructor(jobs: T[]) {
		this.ready = [...jobs];
	}

	get size(): number {
		return this.ready.length - this.head + this.delayed.length + this.dueRetries.length;
	}

	/** A job to send again at once (rate limit: the pacer decides when). */
	pushReady(job: T): void {
		this.ready.push(job);
	}

	pushDelayed(job: T): void {
		this.delayed.push(job);
	}

	/** Up to `count` jobs that are due at `now`: retries whose time has come first, then the rest, oldest first. */
	takeDue(now: number, count: number): T[] {
		if (this.delayed.length > 0) {
			const due = this.delayed.filter((job) => job.dueAt <= now);
			if (due.length > 0) {
				this.delayed = this.delayed.filter((job) => job.dueAt > now);
				this.dueRetries.push(...due.sort((a, b) => a.dueAt - b.dueAt));
			}
		}
		const taken = this.dueRetries.splice(0, count);
		const fresh = this.ready.slice(this.head, this.head + count - taken.length);
		this.head += fresh.length;
		if (this.head > 1024 && this.head * 2 > this.ready.length) {
			this.ready = this.ready.slice(this.head);
			this.head = 0;
		}
		return [...taken, ...fresh];
	}

	/** When the next delayed job falls due; undefined when none waits. */
	nextDueAt(): number | undefined {
		return this.delayed.length === 0 ? undefined : Math.min(...this.delayed.map((job) => job.dueAt));
	}

	/** Everything left, when the broadcast stops. */
	drain(): T[] {
		const rest = [...this.dueRetries, ...this.ready.slice(this.head), ...this.delayed];
		this.ready = [];
		this.head = 0;
		this.delayed = [];
		this.dueRetries = [];
		return rest;
	}
}
