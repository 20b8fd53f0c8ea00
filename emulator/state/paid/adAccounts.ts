import { DEFAULT_REGION } from '../../core/regions';

/**
 * The paid Marketing Message API's side of a business (docs/meta-platform.md §3.1): ad accounts, billed per
 * message and linked to the Pages they send for, and the system users whose tokens call the
 * ad-account endpoints.
 */

export type PaymentMethod = 'card' | 'prepaid' | 'none';

/** Permissions a system user's token can carry (docs/meta-platform.md §3.1 names the paid API's). */
export const PAID_API_PERMISSIONS = ['ads_management', 'ads_read', 'pages_messaging', 'paid_marketing_messages', 'marketing_messages_messenger'];

export interface AdAccountConfig {
	/** Digits, without `act_`. */
	adAccountId: string;
	name?: string;
	/** Where the business is (ISO code); the paid API serves the regions of §3.1 only. */
	region?: string;
	currency?: string;
	/** Graph's account_status: 1 active, 2 disabled, 3 unsettled, 101 closed. */
	accountStatus?: number;
	/** Pages this account sends marketing messages for. */
	pageIds?: string[];
	paymentMethod?: PaymentMethod;
	prepaidBalanceCents?: number;
	termsAccepted?: boolean;
	/** The account's spending limit; null for none. */
	spendCapCents?: number | null;
	/** What one delivered message costs (Meta bills per delivered message, §3.1; the price is not documented). */
	pricePerMessageCents?: number;
	businessId?: string;
}

export interface AdAccountRecord {
	adAccountId: string;
	name: string;
	region: string;
	currency: string;
	accountStatus: number;
	pageIds: string[];
	paymentMethod: PaymentMethod;
	prepaidBalanceCents: number;
	termsAccepted: boolean;
	spendCapCents: number | null;
	pricePerMessageCents: number;
	businessId: string;
	spentCents: number;
}

export interface SystemUserConfig {
	token: string;
	systemUserId?: string;
	name?: string;
	/** The app that issued the token: its secret checks appsecret_proof. */
	appId?: string;
	adAccountIds?: string[];
	permissions?: string[];
}

export interface SystemUserRecord {
	token: string;
	systemUserId: string;
	name: string;
	appId: string | null;
	adAccountIds: string[];
	permissions: string[];
}

export const DEFAULT_PRICE_PER_MESSAGE_CENTS = 1;

export function adAccountRecord(config: AdAccountConfig, newId: () => string): AdAccountRecord {
	return {
		adAccountId: config.adAccountId,
		name: config.name ?? `Ad account ${config.adAccountId}`,
		region: config.region ?? DEFAULT_REGION,
		currency: config.currency ?? 'USD',
		accountStatus: config.accountStatus ?? 1,
		pageIds: [...(config.pageIds ?? [])],
		paymentMethod: config.paymentMethod ?? 'card',
		prepaidBalanceCents: config.prepaidBalanceCents ?? 0,
		termsAccepted: config.termsAccepted ?? true,
		spendCapCents: config.spendCapCents ?? null,
		pricePerMessageCents: config.pricePerMessageCents ?? DEFAULT_PRICE_PER_MESSAGE_CENTS,
		businessId: config.businessId ?? newId(),
		spentCents: 0,
	};
}

export function systemUserRecord(config: SystemUserConfig, newId: () => string): SystemUserRecord {
	return {
		token: config.token,
		systemUserId: config.systemUserId ?? newId(),
		name: config.name ?? 'Marketing system user',
		appId: config.appId ?? null,
		adAccountIds: [...(config.adAccountIds ?? [])],
		permissions: [...(config.permissions ?? ['ads_management', 'pages_messaging', 'paid_marketing_messages'])],
	};
}

/** A duplicate id or token; the control API answers it with 409. */
export class AdAccountConflict extends Error {}

export class AdAccounts {
	private readonly accounts = new Map<string, AdAccountRecord>();
	private readonly systemUsers = new Map<string, SystemUserRecord>();

	add(record: AdAccountRecord): AdAccountRecord {
		if (this.accounts.has(record.adAccountId)) throw new AdAccountConflict(`ad account ${record.adAccountId} already exists`);
		this.accounts.set(record.adAccountId, record);
		return record;
	}

	get(adAccountId: string): AdAccountRecord | undefined {
		return this.accounts.get(adAccountId);
	}

	list(): AdAccountRecord[] {
		return [...this.accounts.values()];
	}

	addSystemUser(record: SystemUserRecord): SystemUserRecord {
		if (this.systemUsers.has(record.token)) throw new AdAccountConflict('that system user token is already in use');
		this.systemUsers.set(record.token, record);
		return record;
	}

	systemUserByToken(token: string): SystemUserRecord | undefined {
		return this.systemUsers.get(token);
	}

	listSystemUsers(): SystemUserRecord[] {
		return [...this.systemUsers.values()];
	}

	clear(): void {
		this.accounts.clear();
		this.systemUsers.clear();
	}
}
