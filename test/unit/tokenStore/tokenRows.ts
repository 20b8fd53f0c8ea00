/** Token rows as the tests need them: a realistic, long token and every column set. */
import type { IndexedRow } from '../../../nodes/shared/tokens/dedupeRows';
import { tokenIdOf } from '../../../nodes/shared/tokens/tokenId';
import type { TokenRow } from '../../../nodes/shared/tokens/tokenRow';

export const NOW = new Date('2026-11-27T12:00:00.000Z');
export const PAGE = '200000000000001';

/** Meta's tokens are long opaque strings; messages must never quote one. */
export function longToken(label: string): string {
	return `AQ${label}${'Zk9x3Qm7'.repeat(14)}`;
}

export function tokenRow(label: string, overrides: Partial<TokenRow> = {}): TokenRow {
	const token = longToken(label);
	return {
		tokenId: tokenIdOf(token),
		token,
		tokenType: 'one_time',
		pageId: PAGE,
		psid: 'psid-a',
		topic: 'deals',
		title: null,
		timezone: null,
		optedInAt: '2026-06-01T00:00:00.000Z',
		expiresAt: '2027-06-01T00:00:00.000Z',
		status: 'available',
		lastSentAt: null,
		nextEligibleAt: null,
		campaign: null,
		messageId: null,
		deliveredAt: null,
		readAt: null,
		clickedAt: null,
		error: null,
		...overrides,
	};
}

export function indexed<T>(rows: T[]): Array<IndexedRow<T>> {
	return rows.map((row, itemIndex) => ({ row, itemIndex }));
}
