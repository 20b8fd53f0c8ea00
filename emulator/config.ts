import type { AdAccountConfig, SystemUserConfig } from './state/paid/adAccounts';
import type { WebhookSettings } from './webhooks/webhookSettings';

/** What a caller configures: apps, their Pages, the address, the load and webhook settings. */

export interface EmulatorPageConfig {
	pageId: string;
	pageToken: string;
	name?: string;
	/** Where the Page's business is (ISO code, default US); the paid API serves the regions of §3.1. */
	region?: string;
}

export interface EmulatorAppConfig {
	appId: string;
	appSecret: string;
	requireAppSecretProof?: boolean;
	pages: EmulatorPageConfig[];
}

export interface EmulatorOptions {
	/** Loopback only; default 127.0.0.1. */
	host?: string;
	/** Names besides 127.0.0.1, localhost and [::1] (say, an /etc/hosts alias of 127.0.0.1) that the Host header may carry. */
	hostNames?: string[];
	/** 0 = any free port. */
	port?: number;
	apps?: EmulatorAppConfig[];
	/** Send API calls per second per Page, default 300 (docs/meta-platform.md §4.6). */
	rateLimitPerSecond?: number;
	/** Send API calls with audio or video per second per Page, default 10 (docs/meta-platform.md §4.6). */
	mediaRateLimitPerSecond?: number;
	/** Marketing token cool-down, default 48 h (docs/meta-platform.md §2.1). */
	marketingCooldownMs?: number;
	/** Seed of the random source behind fault percentages, latency jitter, duplicates and receipts. */
	seed?: number;
	/** Webhook delivery: batching, time-out, retries, duplicates, automatic receipts. */
	webhooks?: Partial<WebhookSettings>;
	/** Ad accounts of the paid Marketing Message API (docs/meta-platform.md §3); default one, linked to the default Page. */
	adAccounts?: AdAccountConfig[];
	/** System users whose tokens call the ad-account endpoints; default one with access to the default ad account. */
	systemUsers?: SystemUserConfig[];
	/** Paid sends per second per ad account, default 300 (Meta documents the error 2300078, not the limit). */
	paidSendRatePerSecond?: number;
}

export const DEFAULT_APP_ID = '100000000000001';
export const DEFAULT_APP_SECRET = 'emulator-app-secret';
export const DEFAULT_PAGE_ID = '200000000000001';
export const DEFAULT_PAGE_TOKEN = 'EMULATOR_PAGE_TOKEN_1';
export const DEFAULT_PAGE_NAME = 'Emulated Page';
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_RATE_LIMIT_PER_SECOND = 300;
export const DEFAULT_MEDIA_RATE_LIMIT_PER_SECOND = 10;
/** The version Meta's samples use (docs/meta-platform.md §4.8); subscribed fields get it when the call names none. */
export const DEFAULT_GRAPH_VERSION = 'v25.0';

export const DEFAULT_APP: EmulatorAppConfig = {
	appId: DEFAULT_APP_ID,
	appSecret: DEFAULT_APP_SECRET,
	pages: [{ pageId: DEFAULT_PAGE_ID, pageToken: DEFAULT_PAGE_TOKEN, name: DEFAULT_PAGE_NAME }],
};

export const DEFAULT_AD_ACCOUNT_ID = '300000000000001';
export const DEFAULT_SYSTEM_USER_TOKEN = 'EMULATOR_SYSTEM_USER_TOKEN_1';
export const DEFAULT_PAID_SEND_RATE_PER_SECOND = 300;

export const DEFAULT_AD_ACCOUNT: AdAccountConfig = { adAccountId: DEFAULT_AD_ACCOUNT_ID, name: 'Emulated Ad Account', pageIds: [DEFAULT_PAGE_ID] };

export const DEFAULT_SYSTEM_USER: SystemUserConfig = {
	token: DEFAULT_SYSTEM_USER_TOKEN,
	name: 'Emulated System User',
	appId: DEFAULT_APP_ID,
	adAccountIds: [DEFAULT_AD_ACCOUNT_ID],
};
