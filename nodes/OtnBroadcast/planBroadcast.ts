import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { AttachmentSource } from '../shared/messages/attachmentUploads';
import { paidMessageProblems } from '../shared/messages/paidMessageChecks';
import type { DistinctRow } from '../shared/tokens/dedupeRows';
import { paidApiEligibleAt } from '../shared/tokens/paidApiRules';
import type { TokenRow } from '../shared/tokens/tokenRow';
import { standingOf, type TokenStanding } from '../shared/tokens/tokenStanding';
import type { SendThrough } from './broadcastSettings';
import { rowMessageReader, type VariantSplit } from './variants';

/** Why a row costs no call. */
export type PassReason = Exclude<TokenStanding, 'eligible'> | 'messageInvalid' | 'otherPage';

export interface PlannedSend {
	distinct: DistinctRow<TokenRow>;
	row: TokenRow & { token: string };
	message: IDataObject;
	/** The variant (A to D) the row gets, when the campaign has variants. */
	variant?: string;
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

/** Whether a row can be sent to now, and if not, why (and, for the paid API's wait, until when). */
function eligibility(row: TokenRow, now: Date, sendThrough: SendThrough): { row: TokenRow; reason?: PassReason } {
	const standing = standingOf(row, now, sendThrough);
	if (standing === 'eligible') return { row };
	if (standing === 'coolingDown' && sendThrough === 'paidApi') {
		// Meta's 12-hour rule, known before the call: say when the row can go again.
		return { row: { ...row, nextEligibleAt: paidApiEligibleAt(row)!.toISOString() }, reason: standing };
	}
	return { row, reason: standing };
}

/** Whether any row can be sent to now, known before the messages are built. */
export function anyEligible(rows: Array<{ row: TokenRow }>, now: Date, sendThrough: SendThrough): boolean {
	return rows.some(({ row }) => standingOf(row, now, sendThrough) === 'eligible');
}

/**
 * Which rows to send to, each with the message its item's expressions build, checked against
 * Meta's limits before the first send (a binary file is uploaded here, once per distinct file). Rows that are spent, expired or waiting pass through
 * without a call; a row whose message Messenger would refuse passes through with the reason.
 */
export async function planBroadcast(
	context: IExecuteFunctions,
	rows: Array<DistinctRow<TokenRow>>,
	now: Date,
	sendThrough: SendThrough,
	attachments: AttachmentSource,
	split?: VariantSplit,
): Promise<BroadcastPlan> {
	const plan: BroadcastPlan = { sends: [], passed: [] };
	const readRowMessage = rowMessageReader(context, split, attachments);
	for (const distinct of rows) {
		const { row, reason } = eligibility(distinct.row, now, sendThrough);
		if (reason) {
			plan.passed.push({ distinct, row, reason });
			continue;
		}
		const { built, variant } = await readRowMessage(distinct.itemIndexes[0], row);
		const problems = built.ok
			? sendThrough === 'paidApi'
				? paidMessageProblems(built.message as IDataObject)
				: []
			: built.problems;
		if (!built.ok || problems.length > 0) {
			const text = problems.map((problem) => problem.message).join('; ');
			plan.passed.push({ distinct, row: { ...row, error: `message: ${text}` }, reason: 'messageInvalid' });
			continue;
		}
		plan.sends.push({ distinct, row: row as TokenRow & { token: string }, message: built.message as IDataObject, variant });
	}
	return plan;
}

/**
 * Keeps the sends to the Page the credential speaks for. A row of another Page is never sent (its
 * token would be refused, or worse, read as dead): it passes through with its status as it was and
 * an error naming both Pages.
 */
export function keepToPage(plan: BroadcastPlan, pageId: string): BroadcastPlan {
	const sends: PlannedSend[] = [];
	const passed = [...plan.passed];
	for (const planned of plan.sends) {
		if (String(planned.row.pageId) === pageId) {
			sends.push(planned);
			continue;
		}
		const error =
			`otherPage: this row belongs to Page ${planned.row.pageId}, but the credential's token speaks for Page ${pageId}. ` +
			`Nothing was sent and the row is as it was: filter the rows by Page (Select for Broadcast's Page ID), or broadcast them with Page ${planned.row.pageId}'s credential`;
		passed.push({ distinct: planned.distinct, row: { ...planned.row, error }, reason: 'otherPage' });
	}
	return { sends, passed };
}
