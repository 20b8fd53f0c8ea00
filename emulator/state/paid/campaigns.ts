/**
 * Message campaigns (docs/meta-platform.md §3.3): created under an ad account for one Page, with an optional
 * daily or lifetime budget in cents and a start and end time; each paid message is sent under one.
 */

/** What the business set (Graph's campaign `status`). */
export type CampaignStatus = 'ACTIVE' | 'PAUSED' | 'DELETED' | 'ARCHIVED';
export const CAMPAIGN_STATUSES: CampaignStatus[] = ['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED'];

/** Where it stands now: its status, or the schedule's word when it is active but not running. */
export type CampaignEffectiveStatus = CampaignStatus | 'NOT_STARTED' | 'COMPLETED';

export interface CampaignRecord {
	campaignId: string;
	adAccountId: string;
	pageId: string;
	name: string;
	dailyBudgetCents: number | null;
	lifetimeBudgetCents: number | null;
	pixelId: string | null;
	/** Emulator clock, ms. */
	startTime: number;
	/** Null: runs until paused. */
	endTime: number | null;
	createdAt: number;
	status: CampaignStatus;
	spentCents: number;
	/** Spend per UTC day (`2026-11-27`), for the daily budget. */
	spentByDay: Record<string, number>;
}

export function utcDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function effectiveStatus(campaign: CampaignRecord, now: number): CampaignEffectiveStatus {
	if (campaign.status !== 'ACTIVE') return campaign.status;
	if (now < campaign.startTime) return 'NOT_STARTED';
	if (campaign.endTime !== null && now >= campaign.endTime) return 'COMPLETED';
	return 'ACTIVE';
}

export class Campaigns {
	private readonly byId = new Map<string, CampaignRecord>();

	add(campaign: CampaignRecord): CampaignRecord {
		this.byId.set(campaign.campaignId, campaign);
		return campaign;
	}

	get(campaignId: string): CampaignRecord | undefined {
		return this.byId.get(campaignId);
	}

	list(filter: { adAccountId?: string; pageId?: string } = {}): CampaignRecord[] {
		return [...this.byId.values()].filter(
			(campaign) =>
				(filter.adAccountId === undefined || campaign.adAccountId === filter.adAccountId) &&
				(filter.pageId === undefined || campaign.pageId === filter.pageId),
		);
	}

	clear(): void {
		this.byId.clear();
	}
}
