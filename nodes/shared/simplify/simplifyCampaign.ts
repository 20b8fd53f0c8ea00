import type { IDataObject } from 'n8n-workflow';

/** The fields of a campaign a person reads: what it is, whether it runs, what is left to spend, when. */
const KEPT = ['campaignId', 'name', 'effective_status', 'budget_remaining', 'start_time', 'stop_time'];

export function simplifyCampaign(campaign: IDataObject): IDataObject {
	return Object.fromEntries(KEPT.filter((field) => campaign[field] !== undefined).map((field) => [field, campaign[field]]));
}
