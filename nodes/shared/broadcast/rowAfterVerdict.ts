import { ERROR_CLASS_EFFECTS, type ErrorClass } from '../graph/errorClasses';
import { describeGraphError } from '../graph/graphError';
import type { TokenRow, TokenStatus } from '../tokens/tokenRow';
import type { SendVerdict } from './broadcastRunner';

export interface SendContext {
	campaign: string;
	now: Date;
	/** How long Meta makes a marketing token wait after a send. */
	marketingCooldownMs: number;
}

/** A row after the broadcast handled it, and whether it counts as sent. */
export interface RowAfterSend {
	row: TokenRow;
	sent: boolean;
}

const STATUS_BY_CLASS: Partial<Record<ErrorClass, TokenStatus>> = {
	tokenSpent: 'used',
	tokenExpired: 'expired',
	tokenRevoked: 'revoked',
};

/** Said of a row whose last attempt got no clear answer: the next run learns the truth from Meta. */
export const MAY_HAVE_BEEN_DELIVERED =
	'It may have been delivered: Meta gave no clear answer. A later run finds out without sending twice (Meta refuses a used token).';

function errorText(errorClass: string, meaning: string, detail?: string): string {
	return detail ? `${errorClass}: ${meaning}. ${detail}` : `${errorClass}: ${meaning}`;
}

/** The state a row takes after a confirmed (or refused-as-already-sent) send. */
function afterSend(row: TokenRow, context: SendContext, messageId: string | null, error: string | null): TokenRow {
	const sentAt = context.now.toISOString();
	const marketing = row.tokenType === 'marketing';
	return {
		...row,
		status: marketing ? 'available' : 'used',
		lastSentAt: sentAt,
		nextEligibleAt: marketing ? new Date(context.now.getTime() + context.marketingCooldownMs).toISOString() : row.nextEligibleAt,
		campaign: context.campaign,
		messageId,
		deliveredAt: null,
		readAt: null,
		clickedAt: null,
		error,
	};
}

/**
 * What one verdict makes of its token row, by the error table: a confirmed send spends a one-time
 * token and starts a marketing token's cool-down; only Meta's refusal of the token itself moves the
 * row to the status it names (used, expired, revoked); every other failure leaves the status and
 * sets `error`, so a later run tries again.
 */
export function rowAfterVerdict(row: TokenRow, verdict: SendVerdict, context: SendContext): RowAfterSend {
	switch (verdict.kind) {
		case 'sent':
			return { row: afterSend(row, context, verdict.messageId, null), sent: true };
		case 'sentUnconfirmed':
			return {
				row: afterSend(
					row,
					context,
					null,
					`sent, unconfirmed: an earlier attempt got no clear answer and Meta now refuses the token (${verdict.meaning})`,
				),
				sent: true,
			};
		case 'notAttempted':
			return { row: { ...row, campaign: context.campaign, error: errorText(verdict.errorClass, verdict.meaning) }, sent: false };
		case 'failed': {
			const maybe = verdict.mayHaveBeenDelivered ? ` ${MAY_HAVE_BEEN_DELIVERED}` : '';
			const error = errorText(verdict.errorClass, verdict.meaning, describeGraphError(verdict.error) + maybe);
			const status = STATUS_BY_CLASS[verdict.errorClass] ?? row.status;
			const coolingDown = ERROR_CLASS_EFFECTS[verdict.errorClass].row === 'available, nextEligibleAt set';
			return {
				row: {
					...row,
					status,
					nextEligibleAt: coolingDown ? new Date(context.now.getTime() + context.marketingCooldownMs).toISOString() : row.nextEligibleAt,
					campaign: context.campaign,
					error,
				},
				sent: false,
			};
		}
	}
}
