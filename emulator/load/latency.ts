import type { SeededRandom } from '../core/seededRandom';

/** Delay before a Graph request is answered: fixed plus random jitter, global or per Page. */

export interface LatencySetting {
	fixedMs: number;
	jitterMs: number;
}

const NONE: LatencySetting = { fixedMs: 0, jitterMs: 0 };

export class Latency {
	private global: LatencySetting = NONE;
	private readonly perPage = new Map<string, LatencySetting>();

	set(setting: LatencySetting, pageId?: string): void {
		if (pageId === undefined) this.global = setting;
		else this.perPage.set(pageId, setting);
	}

	settings(): { global: LatencySetting; pages: Record<string, LatencySetting> } {
		return { global: this.global, pages: Object.fromEntries(this.perPage) };
	}

	delayFor(pageId: string | undefined, random: SeededRandom): number {
		const setting = (pageId !== undefined && this.perPage.get(pageId)) || this.global;
		return setting.fixedMs + (setting.jitterMs > 0 ? Math.floor(random.next() * (setting.jitterMs + 1)) : 0);
	}

	reset(): void {
		this.global = NONE;
		this.perPage.clear();
	}
}
