import { checkRow, type Raw, type RowCheck, RowReader } from './rowProblem';
import { choiceCell, dateCell, idCell, textCell, tokenCell, tokenIdCell } from './rowCells';
import { tokenIdOf } from './tokenId';
import { TOKEN_STATUSES, TOKEN_TYPES, type TokenRow } from './tokenRow';
import { oneTimeTokenExpiresAt } from './tokenRules';

export interface NormalizeTokenRowOptions {
	/** Whether the row must carry the token itself (only sending needs it). */
	requireToken: boolean;
}

/**
 * A row from any store as a token row. Store columns (Data Table `id`, `createdAt`,
 * `updatedAt`, Sheets `row_number`, your own) are left behind; a row that cannot be a token row
 * gives the column and the reason.
 */
export function normalizeTokenRow(raw: Raw, options: NormalizeTokenRowOptions): RowCheck<TokenRow> {
	return checkRow(() => {
		const read: RowReader = new RowReader(raw, raw.token);
		const token = options.requireToken ? read.required('token', tokenCell) : read.cell('token', tokenCell);
		const storedId = read.cell('tokenId', tokenIdCell);
		if (token !== null && storedId !== null && storedId !== tokenIdOf(token)) {
			read.fail('tokenId', 'column "tokenId" does not belong to the token in the same row (was one column sorted or edited alone?)');
		}
		if (token === null && storedId === null) read.fail('tokenId', 'columns "tokenId" and "token" are both empty');
		const tokenType = read.required('tokenType', (value) => choiceCell(value, TOKEN_TYPES));
		const optedInAt = read.cell('optedInAt', dateCell);
		let expiresAt = read.cell('expiresAt', dateCell);
		if (tokenType === 'one_time' && expiresAt === null) {
			// Meta's rule, not a guess: a one-time token expires one year after the opt-in.
			if (optedInAt === null) read.fail('expiresAt', 'columns "expiresAt" and "optedInAt" of a one-time token are both empty');
			expiresAt = oneTimeTokenExpiresAt(optedInAt);
		}
		const variant = 'variant' in raw ? { variant: read.cell('variant', textCell) } : {};
		return {
			tokenId: storedId ?? tokenIdOf(token!),
			token,
			tokenType,
			pageId: read.required('pageId', idCell),
			psid: read.required('psid', idCell),
			topic: read.cell('topic', textCell),
			title: read.cell('title', textCell),
			timezone: read.cell('timezone', textCell),
			optedInAt,
			expiresAt,
			status: read.required('status', (value) => choiceCell(value, TOKEN_STATUSES)),
			lastSentAt: read.cell('lastSentAt', dateCell),
			nextEligibleAt: read.cell('nextEligibleAt', dateCell),
			campaign: read.cell('campaign', textCell),
			messageId: read.cell('messageId', textCell),
			deliveredAt: read.cell('deliveredAt', dateCell),
			readAt: read.cell('readAt', dateCell),
			clickedAt: read.cell('clickedAt', dateCell),
			error: read.cell('error', textCell),
			...variant,
		};
	});
}
