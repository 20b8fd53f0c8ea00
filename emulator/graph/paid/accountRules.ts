import { paidApiError } from '../../fixtures/paidApiErrors';
import { businessRegionSupported } from '../../core/regions';
import type { PageRecord } from '../../state/directory';
import type { AdAccountRecord } from '../../state/paid/adAccounts';
import { GraphError } from '../graphError';

/**
 * What the business must have in order before any campaign is created or message sent
 * (docs/meta-platform.md §3.1, §3.6): a supported region for the ad account and the Page, accepted terms, and
 * a payment method. Checked at campaign creation and again at every send (strictest reading).
 */

export function checkAdAccountStanding(account: AdAccountRecord): void {
	if (!businessRegionSupported(account.region)) throw new GraphError(paidApiError(2300030));
	if (!account.termsAccepted) throw new GraphError(paidApiError(2300013));
	if (account.paymentMethod === 'none') throw new GraphError(paidApiError(2300011));
}

export function checkPageRegion(page: PageRecord): void {
	if (!businessRegionSupported(page.region)) throw new GraphError(paidApiError(2300031));
}
