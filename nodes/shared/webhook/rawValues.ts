/** Reading the loosely typed values of a webhook event: Meta's samples print ids as strings or numbers. */

export type Raw = Record<string, unknown>;

export function asObject(value: unknown): Raw | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined;
}

/** A Messenger event's string, or any number as digits: an empty string stays as Meta sent it. */
export function textAsSent(value: unknown): string | null {
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	return null;
}

/**
 * A paid API receipt's string, or a finite number as digits; empty means absent. Those receipts
 * are matched to rows by their ids, and an empty or NaN id must match nothing.
 */
export function nonEmptyText(value: unknown): string | null {
	if (typeof value === 'string') return value === '' ? null : value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}
