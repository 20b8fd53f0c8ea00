/**
 * Graph's `account_status` values that stop an ad account from paying for messages (Meta's Ad
 * Account reference: 1 active, 2 disabled, 3 unsettled, 7 pending risk review, 8 pending
 * settlement, 100 pending closure, 101 closed), each with what to do.
 */
export const UNUSABLE_ACCOUNT_STATES: Array<[number, string]> = [
	[2, 'The ad account is disabled. Open it in Meta Ads Manager to see why and request a review.'],
	[3, 'The ad account has an unsettled balance. Settle it in Meta Ads Manager (Billing).'],
	[7, "The ad account is waiting for Meta's risk review. Try again once Meta has reviewed it."],
	[8, 'The ad account is waiting for a settlement. Settle it in Meta Ads Manager (Billing).'],
	[100, 'The ad account is being closed. Use another ad account.'],
	[101, 'The ad account is closed. Use another ad account.'],
];

/** Why an ad account with this `account_status` cannot pay for messages, or undefined when it can. */
export function unusableAccountReason(accountStatus: unknown): string | undefined {
	return UNUSABLE_ACCOUNT_STATES.find(([state]) => state === Number(accountStatus))?.[1];
}
