import { isTokenId } from './tokenId';

/**
 * How messages name a row and quote a cell. A token must never reach a message, and a shifted
 * spreadsheet column can put one anywhere, so long values are described, not quoted.
 */

const MAX_QUOTED_LENGTH = 40;

/** The store keys that identify a row: Data Table `id`, Google Sheets `row_number`. */
const STORE_ROW_KEYS = ['id', 'row_number'];

function shortText(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.length > 0 && value.length <= MAX_QUOTED_LENGTH) return value;
	return undefined;
}

/** e.g. `Item 2 (id 17, tokenId tok_8d3e…)`: the n8n item index, the store's row key, the tokenId. */
export function rowLabel(row: Record<string, unknown>, itemIndex: number): string {
	const keys = STORE_ROW_KEYS.map((key) => [key, shortText(row[key])]).filter(([, value]) => value !== undefined);
	const tokenId = isTokenId(row.tokenId) ? row.tokenId : undefined;
	const parts = [...keys.map(([key, value]) => `${key} ${value}`), ...(tokenId ? [`tokenId ${tokenId}`] : [])];
	return parts.length ? `Item ${itemIndex} (${parts.join(', ')})` : `Item ${itemIndex}`;
}

/** A cell as a message may show it: short plain values quoted, anything else only described. */
export function describeValue(value: unknown, token?: unknown): string {
	if (value === undefined || value === null) return 'nothing';
	if (typeof value === 'string') {
		if (value === token || value.length > MAX_QUOTED_LENGTH) return `a value of ${value.length} characters`;
		return JSON.stringify(value);
	}
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
	return Array.isArray(value) ? 'a list' : 'an object';
}
