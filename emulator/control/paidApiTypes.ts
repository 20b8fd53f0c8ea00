/** Shapes of the paid Marketing Message API's control routes (docs/meta-platform.md §3), for the server and the client. */

import type { AdAccountConfig, AdAccountRecord, PaymentMethod, SystemUserConfig, SystemUserRecord } from '../state/paid/adAccounts';
import type { CampaignEffectiveStatus, CampaignRecord, CampaignStatus } from '../state/paid/campaigns';
import type { PaidMessageFilter, PaidMessageRecord } from '../state/paid/paidMessages';
import type { PaidReceiptKind } from '../state/paid/paidReceipts';

export type {
	AdAccountConfig,
	AdAccountRecord,
	CampaignEffectiveStatus,
	CampaignRecord,
	CampaignStatus,
	PaidMessageFilter,
	PaidMessageRecord,
	PaidReceiptKind,
	PaymentMethod,
	SystemUserConfig,
	SystemUserRecord,
};

/** Without `adAccountId`, one is generated. */
export type CreateAdAccountInput = Partial<AdAccountConfig>;

/** Only the fields given change; `pageIds` replaces the list. */
export type UpdateAdAccountInput = Partial<Omit<AdAccountConfig, 'adAccountId' | 'businessId'>>;

/** Without `token`, one is generated. */
export type CreateSystemUserInput = Partial<SystemUserConfig>;

export interface CampaignView extends CampaignRecord {
	effectiveStatus: CampaignEffectiveStatus;
}

/** What the paid API finds when it tries to reach a subscriber (docs/meta-platform.md §3.6). */
export interface PaidReachInput {
	/** ISO code; subscribers in the EU, JP, KR, AU and the UK cannot be reached (§3.1). */
	region?: string;
	/** False: 2300036, "recipient cannot receive now". */
	canReceivePaid?: boolean;
	/** 2300042, 2300043 or 2300044 for `forMs` from now on the emulator clock; null lifts it. */
	frequencyCap?: { code: number; forMs: number } | null;
}

export interface PaidReceiptRequest {
	kind: PaidReceiptKind;
	trackingId?: string;
	/** The failure webhook's error_message. */
	errorMessage?: string;
}
