import type { AxiosInstance } from 'axios';

import type { InboundEvent, PageRecord, SubscriberRecord, TokenView } from './control/controlTypes';
import type {
	AdAccountRecord,
	CampaignStatus,
	CampaignView,
	CreateAdAccountInput,
	CreateSystemUserInput,
	PaidMessageFilter,
	PaidMessageRecord,
	PaidReachInput,
	PaidReceiptRequest,
	SystemUserRecord,
	UpdateAdAccountInput,
} from './control/paidApiTypes';

/** The control routes of the paid Marketing Message API (docs/meta-platform.md §3), as `EmulatorClient.paid`. */
export class PaidApiControl {
	constructor(private readonly http: AxiosInstance) {}

	adAccounts(): Promise<AdAccountRecord[]> {
		return this.get('/ad-accounts');
	}

	createAdAccount(input: CreateAdAccountInput = {}): Promise<AdAccountRecord> {
		return this.send('post', '/ad-accounts', input);
	}

	/** Only the fields given change; `pageIds` replaces the list. */
	updateAdAccount(adAccountId: string, changes: UpdateAdAccountInput): Promise<AdAccountRecord> {
		return this.send('put', `/ad-accounts/${encodeURIComponent(adAccountId)}`, changes);
	}

	/** The next `count` paid sends of the account answer this §3.6 code. */
	/** The ad account's Marketing API score behind X-Ad-Account-Usage: a maximum (and decay, block) in Meta's terms. */
	setAdAccountUsageLimit(
		adAccountId: string,
		limit: { maxScore?: number; decaySeconds?: number; blockSeconds?: number; tier?: 'standard_access' | 'development_access' },
	): Promise<{ adAccountId: string; maxScore: number; decaySeconds: number; blockSeconds: number; tier: string }> {
		return this.send('put', `/ad-accounts/${encodeURIComponent(adAccountId)}/usage-limit`, limit);
	}

	injectErrors(adAccountId: string, code: number, count = 1): Promise<{ adAccountId: string; code: number; count: number }> {
		return this.send('post', `/ad-accounts/${encodeURIComponent(adAccountId)}/errors`, { code, count });
	}

	systemUsers(): Promise<SystemUserRecord[]> {
		return this.get('/system-users');
	}

	createSystemUser(input: CreateSystemUserInput = {}): Promise<SystemUserRecord> {
		return this.send('post', '/system-users', input);
	}

	/** A new ad account linked to these Pages, and a system user with access to it. */
	async newAdAccount(pageIds: string[], input: CreateAdAccountInput = {}): Promise<{ account: AdAccountRecord; systemUser: SystemUserRecord }> {
		const account = await this.createAdAccount({ ...input, pageIds });
		const systemUser = await this.createSystemUser({ adAccountIds: [account.adAccountId] });
		return { account, systemUser };
	}

	setPageRegion(pageId: string, region: string): Promise<PageRecord> {
		return this.send('put', `/pages/${encodeURIComponent(pageId)}`, { region });
	}

	/** Region, whether the subscriber can receive paid messages now, and a frequency cap. */
	setSubscriberReach(pageId: string, psid: string, reach: PaidReachInput): Promise<SubscriberRecord> {
		return this.send('put', `/pages/${encodeURIComponent(pageId)}/subscribers/${encodeURIComponent(psid)}`, reach);
	}

	expireToken(pageId: string, token: string): Promise<TokenView> {
		return this.send('post', `/pages/${encodeURIComponent(pageId)}/tokens/expire`, { token });
	}

	campaigns(filter: { adAccountId?: string; pageId?: string } = {}): Promise<CampaignView[]> {
		return this.get('/campaigns', filter);
	}

	setCampaignStatus(campaignId: string, status: CampaignStatus): Promise<CampaignView> {
		return this.send('put', `/campaigns/${encodeURIComponent(campaignId)}`, { status });
	}

	/** Ground truth of the paid sends, oldest first. */
	messages(filter: PaidMessageFilter = {}): Promise<PaidMessageRecord[]> {
		return this.get('/paid-messages', filter);
	}

	/** The subscriber's Messenger reports delivery, read, click or a failed delivery (409 when nothing applies). */
	reports(pageId: string, psid: string, request: PaidReceiptRequest): Promise<InboundEvent[]> {
		return this.send('post', `/pages/${encodeURIComponent(pageId)}/subscribers/${encodeURIComponent(psid)}/paid-receipts`, request);
	}

	private async get<T>(path: string, params?: object): Promise<T> {
		return (await this.http.get<T>(path, { params })).data;
	}

	/** Always a JSON body: the emulator refuses control API changes of any other content type. */
	private async send<T>(method: 'post' | 'put', path: string, body: unknown = {}): Promise<T> {
		return (await this.http.request<T>({ method, url: path, data: body })).data;
	}
}
