import type { TokenRow } from './tokenRow';

/** Plain code-unit order: ISO times and tokenIds sort correctly, independent of any locale. */
export function compareText(a: string | null, b: string | null): number {
	const left = a ?? '';
	const right = b ?? '';
	return left < right ? -1 : left > right ? 1 : 0;
}

const NEVER = '\uffff';

/**
 * The order tokens are spent in: the one that expires first (tokens that never expire last),
 * then the oldest opt-in, then the tokenId, a hash, so the order is stable across re-runs.
 */
export function spendingOrder(a: TokenRow, b: TokenRow): number {
	return (
		compareText(a.expiresAt ?? NEVER, b.expiresAt ?? NEVER) ||
		compareText(a.optedInAt, b.optedInAt) ||
		compareText(a.tokenId, b.tokenId)
	);
}
