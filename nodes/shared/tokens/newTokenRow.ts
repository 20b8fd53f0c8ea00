import { tokenIdOf } from './tokenId';
import { TOKEN_ROW_COLUMNS, type TokenRow } from './tokenRow';

/** What a token is, as opposed to what was done with it. */
export type TokenFacts = Pick<
	TokenRow,
	'tokenType' | 'pageId' | 'psid' | 'topic' | 'title' | 'timezone' | 'optedInAt' | 'expiresAt'
> & { token: string } & Partial<Pick<TokenRow, 'status' | 'nextEligibleAt'>>;

/** A row for a token nothing was sent with yet: its id from the token, every send column empty. */
export function newTokenRow(facts: TokenFacts): TokenRow {
	const row: TokenRow = {
		tokenId: tokenIdOf(facts.token),
		status: 'available',
		lastSentAt: null,
		nextEligibleAt: null,
		campaign: null,
		messageId: null,
		deliveredAt: null,
		readAt: null,
		clickedAt: null,
		error: null,
		...facts,
	};
	// Columns in the order of the README's token row, so sheets and tables see them as the templates do.
	return Object.fromEntries(TOKEN_ROW_COLUMNS.map((column) => [column, row[column]])) as TokenRow;
}
