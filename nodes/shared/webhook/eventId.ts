import { createHash } from 'crypto';

import { MAX_EVENT_DEPTH } from './eventDepth';

function canonical(value: unknown, depth: number): string {
	// An event nested too deep is already an invalid item; its id only has to be stable.
	if (depth > MAX_EVENT_DEPTH) return '"…"';
	if (Array.isArray(value)) return `[${value.map((inner) => canonical(inner, depth + 1)).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
		return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner, depth + 1)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * A stable id for one webhook event: the same event retried by Meta, alone or batched with
 * others, gets the same id, so flows can drop duplicates.
 */
export function eventIdOf(pageId: string, rawEvent: unknown): string {
	return `evt_${createHash('sha256').update(`${pageId}|${canonical(rawEvent, 0)}`).digest('hex').slice(0, 32)}`;
}
