import type { IExecuteFunctions } from 'n8n-workflow';

import { recipientForRow } from '../shared/broadcast/recipientForRow';
import type { SendRequest } from '../shared/graph/sendRequest';
import { readMessageContent } from '../shared/messages/readMessageContent';
import type { DistinctRow } from '../shared/tokens/dedupeRows';
import type { TokenRow } from '../shared/tokens/tokenRow';
import { standingOf, type TokenStanding } from '../shared/tokens/tokenStanding';

/** Why a row costs no call. */
export type PassReason = Exclude<TokenStanding, 'eligible'> | 'messageInvalid';

export interface PlannedSend {
	distinct: DistinctRow<TokenRow>;
	request: SendRequest;
}

export interface PassedRow {
	distinct: DistinctRow<TokenRow>;
	row: TokenRow;
	reason: PassReason;
}

export interface BroadcastPlan {
	sends: PlannedSend[];
	passed: PassedRow[];
}

/**
 * Which rows to send to, each with the message its item's expressions build, checked against
 * Meta's limits before the first call. Rows that are spent, expired or cooling down pass through
 * untouched; a row whose message Messenger would refuse passes through with the reason.
 */
export function planBroadcast(context: IExecuteFunctions, rows: Array<DistinctRow<TokenRow>>, now: Date): BroadcastPlan {
	const plan: BroadcastPlan = { sends: [], passed: [] };
	for (const distinct of rows) {
		const standing = standingOf(distinct.row, now);
		if (standing !== 'eligible') {
			plan.passed.push({ distinct, row: distinct.row, reason: standing });
			continue;
		}
		const message = readMessageContent(context, distinct.itemIndexes[0]);
		if (!message.ok) {
			const problems = message.problems.map((problem) => problem.message).join('; ');
			plan.passed.push({ distinct, row: { ...distinct.row, error: `message: ${problems}` }, reason: 'messageInvalid' });
			continue;
		}
		const row = distinct.row as TokenRow & { token: string };
		plan.sends.push({ distinct, request: { recipient: recipientForRow(row), message: message.message } });
	}
	return plan;
}
