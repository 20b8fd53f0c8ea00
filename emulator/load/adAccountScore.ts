/**
 * Each ad account's Marketing API score, as https://developers.facebook.com/docs/marketing-api/overview/rate-limiting
 * describes it: "Each Marketing API call is assigned a score … a read API call is equal to 1 point,
 * and a write API call is equal to 3 points, and when you reach the maximum score, we throw a
 * throttling error"; Standard tier: maximum 9000, decay 300 s, blocked 60 s (development tier: 60,
 * 300 s, 300 s). The score decays as calls leave a window of the decay time. Every answer carries
 * `X-Ad-Account-Usage` in the shape of Meta's sample on
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting/:
 * `{"acc_id_util_pct": 9.67, "reset_time_duration": 100, "ads_api_access_tier": "standard_access"}`
 * (percent of the score, seconds until it resets). Counted on the emulator clock.
 */

export const READ_POINTS = 1;
export const WRITE_POINTS = 3;

export interface AdAccountScoreSetting {
	maxScore: number;
	decaySeconds: number;
	blockSeconds: number;
	tier: 'standard_access' | 'development_access';
}

/** Meta's Standard tier, except a maximum no test or demo comes near unless it sets one. */
const DEFAULT_SETTING: AdAccountScoreSetting = { maxScore: 1_000_000_000, decaySeconds: 300, blockSeconds: 60, tier: 'standard_access' };

interface Scored {
	at: number;
	points: number;
}

interface AccountScore {
	calls: Scored[];
	blockedUntil: number;
}

export class AdAccountScores {
	private readonly settings = new Map<string, AdAccountScoreSetting>();
	private readonly scores = new Map<string, AccountScore>();

	set(adAccountId: string, setting: Partial<AdAccountScoreSetting>): AdAccountScoreSetting {
		const merged = { ...this.settingOf(adAccountId), ...setting };
		this.settings.set(adAccountId, merged);
		return merged;
	}

	settingOf(adAccountId: string): AdAccountScoreSetting {
		return this.settings.get(adAccountId) ?? DEFAULT_SETTING;
	}

	/** Counts a call of `points`; false when the account is blocked or the call would pass the maximum (Meta refuses it). */
	tryCall(adAccountId: string, points: number, nowMs: number): boolean {
		const account = this.live(adAccountId, nowMs);
		const setting = this.settingOf(adAccountId);
		if (nowMs < account.blockedUntil) return false;
		if (scoreOf(account) + points > setting.maxScore) {
			account.blockedUntil = nowMs + setting.blockSeconds * 1000;
			return false;
		}
		account.calls.push({ at: nowMs, points });
		return true;
	}

	/** The `X-Ad-Account-Usage` value of an answer to this account now. */
	header(adAccountId: string, nowMs: number): string {
		const account = this.live(adAccountId, nowMs);
		const setting = this.settingOf(adAccountId);
		const blocked = nowMs < account.blockedUntil;
		const percent = blocked ? 100 : Math.min(100, Math.round((scoreOf(account) / setting.maxScore) * 10_000) / 100);
		const newest = account.calls[account.calls.length - 1];
		const untilDecayed = newest ? newest.at + setting.decaySeconds * 1000 - nowMs : 0;
		const resetMs = blocked ? Math.max(account.blockedUntil - nowMs, untilDecayed) : untilDecayed;
		return JSON.stringify({ acc_id_util_pct: percent, reset_time_duration: Math.ceil(Math.max(0, resetMs) / 1000), ads_api_access_tier: setting.tier });
	}

	reset(): void {
		this.settings.clear();
		this.scores.clear();
	}

	/** The account's calls still inside the decay window. */
	private live(adAccountId: string, nowMs: number): AccountScore {
		let account = this.scores.get(adAccountId);
		if (!account) this.scores.set(adAccountId, (account = { calls: [], blockedUntil: 0 }));
		const since = nowMs - this.settingOf(adAccountId).decaySeconds * 1000;
		account.calls = account.calls.filter((call) => call.at > since);
		return account;
	}
}

function scoreOf(account: AccountScore): number {
	return account.calls.reduce((sum, call) => sum + call.points, 0);
}
