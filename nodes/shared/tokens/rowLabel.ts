import { isTokenId } from './tokenId';

/**
 * How messages name a row and quote a cell. A token must never reach a message, and a shifted
 * spreadsheet column can put one anywhere, so a value that could be one is described, not quoted.
 */

const MAX_QUOTED_LENGTH = 40;

/** Ten digits and more in a row could be a token: the paid API's are 17-digit numbers (docs/meta-platform.md §3.5). */
const LONG_DIGIT_RUN = /\d{10}/;

/** The store keys that identify a row: Data Table `id`, Google Sheets `row_number`. */
const STORE_ROW_KEYS = ['id', 'row_number'];

/** Whether a cell's text could be, or hold, a token: the row's own token, a long value or a long number. */
function mayBeToken(text: string, token: unknown): boolean {
	const tokenText = typeof token === 'string' || typeof token === 'number' ? String(token).trim() : '';
	return text.length > MAX_QUOTED_LENGTH || LONG_DIGIT_RUN.test(text) || (tokenText !== '' && text.includes(tokenText));
}

function digitCount(text: string): number {
	return text.replace(/\D/g, '').length;
}

function shortText(value: unknown, token: unknown): string | undefined {
	const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value : '';
	return text !== '' && !mayBeToken(text, token) ? text : undefined;
}

/** e.g. `Item 2 (id 17, tokenId tok_8d3e…)`: the n8n item index, the store's row key, the tokenId. */
export function rowLabel(row: Record<string, unknown>, itemIndex: number): string {
	const keys = STORE_ROW_KEYS.map((key) => [key, shortText(row[key], row.token)]).filter(([, value]) => value !== undefined);
	const tokenId = isTokenId(row.tokenId) ? row.tokenId : undefined;
	const parts = [...keys.map(([key, value]) => `${key} ${value}`), ...(tokenId ? [`tokenId ${tokenId}`] : [])];
	return parts.length ? `Item ${itemIndex} (${parts.join(', ')})` : `Item ${itemIndex}`;
}

/** A cell as a message may show it: short plain values quoted, anything that could be a token only described. */
export function describeValue(value: unknown, token?: unknown): string {
	if (value === undefined || value === null) return 'nothing';
	if (typeof value === 'number' || typeof value === 'bigint') {
		const text = String(value);
		return mayBeToken(text, token) ? `a number of ${digitCount(text)} digits` : text;
	}
	if (typeof value === 'string') {
		if (!mayBeToken(value, token)) return JSON.stringify(value);
		return /^\d+$/.test(value) ? `a value of ${value.length} digits` : `a value of ${value.length} characters`;
	}
	if (typeof value === 'boolean') return String(value);
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
	return Array.isArray(value) ? 'a list' : 'an object';
}

/** `a "read" event`, or, where the type cell could hold a token, `an event whose type is a value of 17 digits`. */
export function describeEventType(type: unknown, token?: unknown): string {
	const shown = describeValue(type, token);
	return shown.startsWith('"') ? `a ${shown} event` : `an event whose type is ${shown}`;
}
