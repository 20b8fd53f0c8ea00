import { fuller, type MetaUsage } from '../graph/usageHeaders';
import type { Clock } from './clock';

/** From this share of a budget on, the broadcast slows down: Meta's page asks to spread calls out. */
export const SLOW_FROM_PERCENT = 75;
/** Meta: "When total_cputime reaches 100, calls may be throttled"; the same for the other counters. */
export const SPENT_PERCENT = 100;
/** The rate never drops below this share for usage alone; the stop at 100% ends the run instead. */
const SLOWEST_SHARE = 0.1;

/**
 * What Meta's usage headers say about the broadcast's budget, answer by answer: how much of the
 * rate to use, and whether the budget is spent. Meta counts its business use case budgets over a
 * rolling hour or 24 hours (the Messenger one: 200 calls a day per person the Page can message)
 * and writes "when the limit has been reached, stop making API calls. Continuing to make calls
 * will continue to increase your call count"
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting/). So the broadcast
 * slows from 75% on, which spreads its calls while older ones leave Meta's window, and stops at
 * 100% (or whenever Meta names a time to regain access) instead of retrying.
 */
export class UsageWatch {
	private latest: MetaUsage | undefined;
	private highest: MetaUsage | undefined;
	private spentReading: { usage: MetaUsage; at: number } | undefined;

	constructor(private readonly clock: Clock) {}

	/** Give it to the Graph client as its usage observer. */
	readonly observe = (usage: MetaUsage): void => {
		this.latest = usage;
		this.highest = fuller(this.highest, usage);
		if (!this.spentReading && (usage.percent >= SPENT_PERCENT || usage.regainAccessMinutes > 0)) {
			this.spentReading = { usage, at: this.clock.now() };
		}
	};

	/** The fullest counter Meta reported during the run. */
	get peak(): MetaUsage | undefined {
		return this.highest;
	}

	/** Share of the rate to use now: all of it below 75%, then less the closer Meta's last answer was to 100%. */
	rateShare(): number {
		const percent = this.latest?.percent ?? 0;
		if (percent < SLOW_FROM_PERCENT) return 1;
		return Math.max(SLOWEST_SHARE, (SPENT_PERCENT - percent) / (SPENT_PERCENT - SLOW_FROM_PERCENT));
	}

	/** Why nothing more can be sent, once Meta reported the budget spent; undefined until then. */
	spent(): string | undefined {
		if (!this.spentReading) return undefined;
		const { usage, at } = this.spentReading;
		const type = usage.type ? `, ${usage.type}` : '';
		const when =
			usage.regainAccessMinutes > 0
				? `Meta expects access back in about ${usage.regainAccessMinutes} min, around ${new Date(at + usage.regainAccessMinutes * 60_000).toISOString().slice(11, 16)} UTC`
				: 'Meta names no time: it counts the budget over a rolling window (for Messenger, 24 hours), so access returns as older calls leave it';
		return `Meta reports the budget spent (${usage.counter} at ${usage.percent}% in ${usage.header}${type}). ${when}; run again then, nothing is sent twice`;
	}
}
