import type { AdAccountRecord } from './adAccounts';
import { utcDay, type CampaignRecord } from './campaigns';

/**
 * Meta bills each delivered message to the ad account (docs/meta-platform.md §3.1). The emulator charges the
 * account's price when the message is sent (it is delivered at once) and gives it back when the
 * delivery fails.
 */

export function charge(account: AdAccountRecord, campaign: CampaignRecord, cents: number, at: number): void {
	const day = utcDay(at);
	campaign.spentCents += cents;
	campaign.spentByDay[day] = (campaign.spentByDay[day] ?? 0) + cents;
	account.spentCents += cents;
	if (account.paymentMethod === 'prepaid') account.prepaidBalanceCents -= cents;
}

export function refund(account: AdAccountRecord, campaign: CampaignRecord, cents: number, sentAt: number): void {
	charge(account, campaign, -cents, sentAt);
}
