import { WEBHOOK_ALERT_AFTER_MS, WEBHOOK_DISABLE_AFTER_MS } from '../core/durations';

/**
 * Per app: since when its deliveries fail, and the two rules of docs/meta-platform.md §5.4 — an alert after
 * 15 minutes of failures, webhooks disabled after an hour. A 200 ends the failure streak.
 */

export interface AppHealth {
	/** Emulator clock of the first failed attempt since the last 200; null when healthy. */
	failingSince: number | null;
	alertedAt: number | null;
	disabledAt: number | null;
}

export type HealthRule = { appId: string; kind: 'alert' | 'disable'; at: number };

export class AppHealthBook {
	private readonly apps = new Map<string, AppHealth>();

	get(appId: string): AppHealth {
		return this.apps.get(appId) ?? { failingSince: null, alertedAt: null, disabledAt: null };
	}

	failed(appId: string, now: number): void {
		const health = this.entry(appId);
		if (health.failingSince === null) health.failingSince = now;
	}

	/** A 200 ends the streak; a later failure starts a new one with its own alert. */
	succeeded(appId: string): void {
		const health = this.entry(appId);
		health.failingSince = null;
		health.alertedAt = null;
	}

	/** A new verified subscription, or none at all, starts clean. */
	forget(appId: string): void {
		this.apps.delete(appId);
	}

	/** Rules met by `now` and not yet applied, alerts before disablements. */
	due(now: number): HealthRule[] {
		const rules: HealthRule[] = [];
		for (const [appId, health] of this.apps) {
			if (health.failingSince === null || health.disabledAt !== null) continue;
			const alertAt = health.failingSince + WEBHOOK_ALERT_AFTER_MS;
			const disableAt = health.failingSince + WEBHOOK_DISABLE_AFTER_MS;
			if (health.alertedAt === null && alertAt <= now) rules.push({ appId, kind: 'alert', at: alertAt });
			if (disableAt <= now) rules.push({ appId, kind: 'disable', at: disableAt });
		}
		return rules.sort((a, b) => a.at - b.at);
	}

	apply(rule: HealthRule): void {
		const health = this.entry(rule.appId);
		if (rule.kind === 'alert') health.alertedAt = rule.at;
		else {
			health.disabledAt = rule.at;
			health.failingSince = null;
		}
	}

	nextDueAt(): number | undefined {
		const times: number[] = [];
		for (const health of this.apps.values()) {
			if (health.failingSince === null || health.disabledAt !== null) continue;
			times.push(health.alertedAt === null ? health.failingSince + WEBHOOK_ALERT_AFTER_MS : health.failingSince + WEBHOOK_DISABLE_AFTER_MS);
		}
		return times.length === 0 ? undefined : Math.min(...times);
	}

	clear(): void {
		this.apps.clear();
	}

	private entry(appId: string): AppHealth {
		let health = this.apps.get(appId);
		if (!health) {
			health = { failingSince: null, alertedAt: null, disabledAt: null };
			this.apps.set(appId, health);
		}
		return health;
	}
}
