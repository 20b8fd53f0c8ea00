import { SlidingWindow } from './slidingWindow';

/** Calls per Page as the emulator saw them, for benchmarks and rate-limit tests. */

export interface PageCallStats {
	key: string;
	calls: number;
	accepted: number;
	rateLimited: number;
	faultsInjected: number;
	/** Most accepted calls inside any one-second window. */
	peakPerSecond: number;
}

export interface CallStatsSnapshot {
	pages: PageCallStats[];
	batchRequests: number;
	batchItems: number;
}

export class CallStats {
	private readonly pages = new Map<string, { stats: PageCallStats; window: SlidingWindow }>();
	private batchRequests = 0;
	private batchItems = 0;

	/** `key` is the Page id, or `app:<id>` for calls made with an app token. */
	record(key: string, outcome: 'accepted' | 'rateLimited', nowMs: number): void {
		const entry = this.entry(key);
		entry.stats.calls++;
		if (outcome === 'rateLimited') {
			entry.stats.rateLimited++;
			return;
		}
		entry.stats.accepted++;
		entry.stats.peakPerSecond = Math.max(entry.stats.peakPerSecond, entry.window.add(nowMs));
	}

	recordFault(key: string): void {
		this.entry(key).stats.faultsInjected++;
	}

	recordBatch(items: number): void {
		this.batchRequests++;
		this.batchItems += items;
	}

	snapshot(): CallStatsSnapshot {
		return {
			pages: [...this.pages.values()].map((entry) => ({ ...entry.stats })),
			batchRequests: this.batchRequests,
			batchItems: this.batchItems,
		};
	}

	clear(): void {
		this.pages.clear();
		this.batchRequests = 0;
		this.batchItems = 0;
	}

	private entry(key: string): { stats: PageCallStats; window: SlidingWindow } {
		let entry = this.pages.get(key);
		if (!entry) {
			entry = { stats: { key, calls: 0, accepted: 0, rateLimited: 0, faultsInjected: 0, peakPerSecond: 0 }, window: new SlidingWindow() };
			this.pages.set(key, entry);
		}
		return entry;
	}
}
