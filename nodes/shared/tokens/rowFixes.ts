import { TOKEN_ROW_DATE_COLUMNS, TOKEN_STATUSES, TOKEN_TYPES } from './tokenRow';

const DATE_FIX =
	'Store dates as ISO 8601 (e.g. 2026-11-27T10:15:02.478Z) in a date or text column; in a sheet, format the column as plain text.';

const COLUMN_FIXES: Record<string, string> = {
	token: 'Select for Broadcast passes the token on to the broadcast, so the store query must return the token column.',
	tokenId:
		'tokenId is the hash the nodes derive from the token (tok_ and 32 hex digits). Restore it from the store, or clear it so the node derives it from the token.',
	tokenType: `tokenType is one of ${TOKEN_TYPES.join(', ')}.`,
	status: `status is one of ${TOKEN_STATUSES.join(', ')}.`,
	pageId: 'Every row needs the Page ID, as text.',
	psid: "Every row needs the subscriber's PSID, as text.",
	campaign: 'Every send log row needs the campaign it was sent in.',
	sentAt: `Every send log row needs sentAt. ${DATE_FIX}`,
};

/** How to fix a row whose column could not be read. */
export function rowFix(column: string): string {
	const fix = COLUMN_FIXES[column] ?? ((TOKEN_ROW_DATE_COLUMNS as readonly string[]).includes(column) ? DATE_FIX : 'See the token row in the README.');
	return `${fix} Fix the row in the store, or filter it out before this node.`;
}
