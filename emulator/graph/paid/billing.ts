import { paidApiError } from '../../fixtures/paidApiErrors';
import type { AdAccountRecord } from '../../state/paid/adAccounts';
import { utcDay, type CampaignRecord } from '../../state/paid/campaigns';
import { GraphError } from '../graphError';

/**
 * A send that the money left would not cover is refused (the bookkeeping is state/paid/ledger.ts).
 * docs/meta-platform.md §3.6 names "budget reached" as 2300015, 2300053 and 2300054 without saying which is which; the
 * emulator uses 2300015 for the campaign's lifetime budget, 2300053 for its daily budget (UTC days
 * of the emulator clock) and 2300054 for the account's spending limit, and 2300058 for a used-up
 * prepaid balance.
 */

export function checkBudget(account: AdAccountRecord, campaign: CampaignRecord, now: number): void {
	const price = account.pricePerMessageCents;
	if (campaign.lifetimeBudgetCents !== null && campaign.spentCents + price > campaign.lifetimeBudgetCents) {
		throw new GraphError(paidApiError(2300015));
	}
	const today = campaign.spentByDay[utcDay(now)] ?? 0;
	if (campaign.dailyBudgetCents !== null && today + price > campaign.dailyBudgetCents) throw new GraphError(paidApiError(2300053));
	if (account.spendCapCents !== null && account.spentCents + price > account.spendCapCents) throw new GraphError(paidApiError(2300054));
	if (account.paymentMethod === 'prepaid' && account.prepaidBalanceCents < price) throw new GraphError(paidApiError(2300058));
}
