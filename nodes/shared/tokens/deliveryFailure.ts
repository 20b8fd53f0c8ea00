/**
 * A failed paid delivery (docs/meta-platform.md §3.5) as a row's `error`: the class-like prefix the error
 * column uses, then Meta's reason. Summarize counts a token row as failed by this prefix, a send
 * log row by its failedAt.
 */
const DELIVERY_FAILED_PREFIX = 'deliveryFailed:';

export function deliveryFailureText(reason: string | null): string {
	return `${DELIVERY_FAILED_PREFIX} Meta could not deliver the marketing message (${reason ?? 'no reason given'})`;
}

export function isDeliveryFailure(error: string | null): boolean {
	return error !== null && error.startsWith(DELIVERY_FAILED_PREFIX);
}
