import { paidApiError } from '../../fixtures/paidApiErrors';
import type { EmulatorState } from '../../state/emulatorState';
import type { AdAccountRecord } from '../../state/paid/adAccounts';
import { effectiveStatus, type CampaignRecord } from '../../state/paid/campaigns';
import { GraphError } from '../graphError';
import { checkPageRegion } from './accountRules';

/**
 * The campaign a paid message is sent under (docs/meta-platform.md §3.4 `message_id`, §3.6): one of this ad
 * account's (else 2300001), for a Page in a supported region (2300031), active (2300000: paused,
 * deleted, archived or past its end) and started (2300033).
 */
export function sendableCampaign(state: EmulatorState, account: AdAccountRecord, campaignId: string, now: number): CampaignRecord {
	const campaign = state.paid.campaigns.get(campaignId);
	if (!campaign || campaign.adAccountId !== account.adAccountId) throw new GraphError(paidApiError(2300001));
	const page = state.directory.page(campaign.pageId);
	if (page) checkPageRegion(page);
	const status = effectiveStatus(campaign, now);
	if (status === 'NOT_STARTED') throw new GraphError(paidApiError(2300033));
	if (status !== 'ACTIVE') throw new GraphError(paidApiError(2300000));
	return campaign;
}
