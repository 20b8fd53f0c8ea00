import { newNumericId } from '../../core/ids';
import { AdAccountScores } from '../../load/adAccountScore';
import { RateLimiter } from '../../load/rateLimiter';
import { AdAccounts, adAccountRecord, systemUserRecord, type AdAccountConfig, type SystemUserConfig } from './adAccounts';
import { Campaigns } from './campaigns';
import { PaidMessages } from './paidMessages';

/** Everything the paid Marketing Message API (docs/meta-platform.md §3) adds to the emulator. */

export interface PaidApiConfig {
	adAccounts: AdAccountConfig[];
	systemUsers: SystemUserConfig[];
	/** Paid sends per second per ad account (Meta documents the error, 2300078, not the number). */
	sendRatePerSecond: number;
}

/** A §3.6 code the next paid sends of an ad account answer, whatever else holds. */
interface InjectedError {
	code: number;
	remaining: number;
}

export class PaidApiState {
	readonly adAccounts = new AdAccounts();
	readonly campaigns = new Campaigns();
	readonly messages = new PaidMessages();
	readonly sendRateLimiter: RateLimiter;
	/** Each ad account's Marketing API score (X-Ad-Account-Usage, 613/1487742). */
	readonly adAccountScores = new AdAccountScores();
	private readonly injected = new Map<string, InjectedError[]>();

	constructor(private readonly initial: PaidApiConfig) {
		this.sendRateLimiter = new RateLimiter(initial.sendRatePerSecond);
		this.load();
	}

	addAdAccount(config: AdAccountConfig) {
		return this.adAccounts.add(adAccountRecord(config, newNumericId));
	}

	addSystemUser(config: SystemUserConfig) {
		return this.adAccounts.addSystemUser(systemUserRecord(config, newNumericId));
	}

	injectErrors(adAccountId: string, code: number, count: number): void {
		const queue = this.injected.get(adAccountId) ?? [];
		queue.push({ code, remaining: count });
		this.injected.set(adAccountId, queue);
	}

	/** The code the next paid send of this account must answer, if one was injected. */
	takeInjectedError(adAccountId: string): number | undefined {
		const queue = this.injected.get(adAccountId);
		const next = queue?.[0];
		if (!queue || !next) return undefined;
		next.remaining -= 1;
		if (next.remaining <= 0) queue.shift();
		return next.code;
	}

	reset(): void {
		this.adAccounts.clear();
		this.campaigns.clear();
		this.messages.clear();
		this.injected.clear();
		this.adAccountScores.reset();
		this.sendRateLimiter.reset(this.initial.sendRatePerSecond);
		this.load();
	}

	private load(): void {
		for (const account of this.initial.adAccounts) this.addAdAccount(account);
		for (const user of this.initial.systemUsers) this.addSystemUser(user);
	}
}
