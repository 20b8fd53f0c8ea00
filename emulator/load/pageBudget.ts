import { SlidingWindow } from './slidingWindow';

/**
 * Each Page's Messenger budget over a rolling 24 hours: "Calls within 24 hours = 200 * Number of
 * Engaged Users" (https://developers.facebook.com/docs/graph-api/overview/rate-limiting/,
 * Messenger Platform). Every call made with the Page's token counts, batch items one by one,
 * refused ones too (Meta: "Continuing to make calls will continue to increase your call count").
 * Counted on the emulator clock, so a test moves past the window instead of waiting a day.
 */

export const BUDGET_WINDOW_MS = 24 * 60 * 60 * 1000;
export const CALLS_PER_ENGAGED_USER = 200;
/** Large enough that no test or demo comes near it unless it sets a budget. */
export const DEFAULT_ENGAGED_USERS = 1_000_000;

export interface BudgetUsage {
	/** Share of the budget used, in whole percent, at most 100 (Meta's samples stop there). */
	callCountPercent: number;
	/** Minutes until a call fits again; 0 while the budget lasts. */
	regainAccessMinutes: number;
}

export interface BudgetSetting {
	engagedUsers?: number;
	/** Calls per 24 hours; wins over engagedUsers. */
	callsPer24h?: number;
}

export class PageBudget {
	private readonly settings = new Map<string, number>();
	private defaultCalls = CALLS_PER_ENGAGED_USER * DEFAULT_ENGAGED_USERS;
	private readonly windows = new Map<string, SlidingWindow>();

	/** Sets the budget of one Page, or of every Page without its own; returns the calls per 24 hours. */
	set(setting: BudgetSetting, pageId?: string): number {
		const calls = setting.callsPer24h ?? CALLS_PER_ENGAGED_USER * (setting.engagedUsers ?? DEFAULT_ENGAGED_USERS);
		if (pageId === undefined) this.defaultCalls = calls;
		else this.settings.set(pageId, calls);
		return calls;
	}

	callsPer24h(pageId?: string): number {
		return (pageId === undefined ? undefined : this.settings.get(pageId)) ?? this.defaultCalls;
	}

	/** Counts the call; false when the Page's budget was already spent. */
	tryCall(pageId: string, nowMs: number): boolean {
		const window = this.windowOf(pageId);
		const before = window.count(nowMs);
		window.add(nowMs);
		return before < this.callsPer24h(pageId);
	}

	usage(pageId: string, nowMs: number): BudgetUsage {
		const window = this.windowOf(pageId);
		const used = window.count(nowMs);
		const budget = this.callsPer24h(pageId);
		const callCountPercent = Math.min(100, Math.floor((used / budget) * 100));
		if (used < budget) return { callCountPercent, regainAccessMinutes: 0 };
		// The call that frees a place is the (used - budget + 1)th oldest leaving the window.
		const freedAt = window.stampAt(used - budget) + BUDGET_WINDOW_MS;
		return { callCountPercent, regainAccessMinutes: Math.max(1, Math.ceil((freedAt - nowMs) / 60_000)) };
	}

	reset(): void {
		this.settings.clear();
		this.defaultCalls = CALLS_PER_ENGAGED_USER * DEFAULT_ENGAGED_USERS;
		this.windows.clear();
	}

	private windowOf(pageId: string): SlidingWindow {
		let window = this.windows.get(pageId);
		if (!window) this.windows.set(pageId, (window = new SlidingWindow(BUDGET_WINDOW_MS)));
		return window;
	}
}
