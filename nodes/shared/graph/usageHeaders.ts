/**
 * Meta's usage headers, as https://developers.facebook.com/docs/graph-api/overview/rate-limiting/
 * describes them: `X-App-Usage` is `{"call_count":28,"total_time":25,"total_cputime":25}`, whole
 * percentages of the app's limit; `X-Business-Use-Case-Usage` maps each business object id (the
 * Page, for calls with its token) to a list of `{type, call_count, total_cputime, total_time,
 * estimated_time_to_regain_access}`, the last in minutes. "When total_cputime reaches 100, calls
 * may be throttled"; the same for total_time. `X-Page-Usage` is named on Meta's older pages
 * (https://developers.facebook.com/blog/post/2016/06/16/page-level-rate-limits/) without a
 * sample: it is read like `X-App-Usage`. `X-Ad-Account-Usage`, on ad-account calls (the paid
 * Marketing Message API), is `{"acc_id_util_pct": 9.67, "reset_time_duration": 100,
 * "ads_api_access_tier": "standard_access"}` on the same page: the percentage of the ad account's
 * score used and the seconds until the score resets
 * (https://developers.facebook.com/docs/marketing-api/overview/rate-limiting: at the maximum score
 * Meta throttles the account for 60 s, 300 s in the development tier). Only numbers and Meta's
 * type or tier name leave this file.
 */

export const USAGE_COUNTERS = ['call_count', 'total_cputime', 'total_time'] as const;
export type UsageCounter = (typeof USAGE_COUNTERS)[number] | 'acc_id_util_pct';

/** The fullest counter of one answer's headers, and when Meta says access returns. */
export interface MetaUsage {
	percent: number;
	counter: UsageCounter;
	header: 'X-Business-Use-Case-Usage' | 'X-Page-Usage' | 'X-App-Usage' | 'X-Ad-Account-Usage';
	/** The business use case Meta names (messenger, pages, …), or the ad account's access tier for X-Ad-Account-Usage. */
	type?: string;
	/** Meta's estimate of the minutes until calls are no longer throttled; 0 when it gives none. */
	regainAccessMinutes: number;
}

type HeaderBag = Record<string, unknown> | undefined;

function headerValue(headers: HeaderBag, name: string): unknown {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
	const value = key === undefined ? undefined : headers[key];
	return Array.isArray(value) ? value[0] : value;
}

function parsed(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return undefined;
	}
}

function percentOf(value: unknown): number | undefined {
	const n = typeof value === 'string' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** A type name is shown to the user: only Meta's lower-case words pass. */
function typeName(value: unknown): string | undefined {
	return typeof value === 'string' && /^[a-z_]{1,40}$/.test(value) ? value : undefined;
}

function readingsOf(entry: unknown, header: MetaUsage['header']): MetaUsage[] {
	if (typeof entry !== 'object' || entry === null) return [];
	const fields = entry as Record<string, unknown>;
	const regainAccessMinutes = percentOf(fields.estimated_time_to_regain_access) ?? 0;
	const type = typeName(fields.type);
	return USAGE_COUNTERS.flatMap((counter) => {
		const percent = percentOf(fields[counter]);
		return percent === undefined ? [] : [{ percent, counter, header, type, regainAccessMinutes }];
	});
}

/**
 * X-Ad-Account-Usage's one counter. Its `reset_time_duration` comes with every answer (the score's
 * decay), so it is a time to regain access only once the score is full.
 */
function adAccountReading(entry: unknown): MetaUsage[] {
	if (typeof entry !== 'object' || entry === null) return [];
	const fields = entry as Record<string, unknown>;
	const percent = percentOf(fields.acc_id_util_pct);
	if (percent === undefined) return [];
	const resetSeconds = percentOf(fields.reset_time_duration) ?? 0;
	const regainAccessMinutes = percent >= 100 && resetSeconds > 0 ? Math.ceil(resetSeconds / 60) : 0;
	return [{ percent, counter: 'acc_id_util_pct', header: 'X-Ad-Account-Usage', type: typeName(fields.ads_api_access_tier), regainAccessMinutes }];
}

/** The fuller of two readings; on a tie, the one that names a later return of access. */
export function fuller(a: MetaUsage | undefined, b: MetaUsage | undefined): MetaUsage | undefined {
	if (!a || !b) return a ?? b;
	if (a.percent !== b.percent) return a.percent > b.percent ? a : b;
	return a.regainAccessMinutes >= b.regainAccessMinutes ? a : b;
}

/**
 * The fullest counter among the usage headers of one answer (n8n's full response gives them with
 * lower-case names), carrying the longest wait Meta names; undefined when the answer has none.
 */
export function readUsageHeaders(headers: HeaderBag): MetaUsage | undefined {
	const readings: MetaUsage[] = [];
	const business = parsed(headerValue(headers, 'x-business-use-case-usage'));
	if (typeof business === 'object' && business !== null) {
		for (const entries of Object.values(business as Record<string, unknown>)) {
			for (const entry of Array.isArray(entries) ? entries : [entries]) readings.push(...readingsOf(entry, 'X-Business-Use-Case-Usage'));
		}
	}
	readings.push(...readingsOf(parsed(headerValue(headers, 'x-page-usage')), 'X-Page-Usage'));
	readings.push(...readingsOf(parsed(headerValue(headers, 'x-app-usage')), 'X-App-Usage'));
	readings.push(...adAccountReading(parsed(headerValue(headers, 'x-ad-account-usage'))));
	if (readings.length === 0) return undefined;
	const fullest = readings.reduce<MetaUsage | undefined>(fuller, undefined)!;
	const regainAccessMinutes = Math.max(...readings.map((reading) => reading.regainAccessMinutes));
	return { ...fullest, regainAccessMinutes };
}
