import { createHash } from 'crypto';

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
		return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * A stable id for one webhook event: the same event retried by Meta, alone or batched with
 * others, gets the same id, so flows can drop duplicates.
 */
export function eventIdOf(pageId: string, rawEvent: unknown): string {
	return `evt_${createHash('sha256').update(`${pageId}|${canonical(rawEvent)}`).digest('hex').slice(0, 32)}`;
}
