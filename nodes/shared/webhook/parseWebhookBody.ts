import type { IDataObject } from 'n8n-workflow';

import { MAX_EVENT_DEPTH, nestedDeeperThan } from './eventDepth';
import { eventIdOf } from './eventId';
import type { MessengerEventItem } from './messengerEvents';
import { normalizeChange } from './normalizeChange';
import { normalizeMessagingEvent } from './normalizeEvent';
import { rawWithoutTokens } from './rawWithoutTokens';

export type ParsedWebhook =
	| { ok: true; events: MessengerEventItem[] }
	| { ok: false; reason: string };

function isObject(value: unknown): boolean {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** An event too deep to read (eventDepth.ts) travels as an invalid item, its raw cut short. */
function tooDeepEvent(pageId: string, rawEvent: unknown): MessengerEventItem {
	return {
		eventId: eventIdOf(pageId, rawEvent),
		type: 'invalid',
		intendedType: 'unknown',
		pageId,
		psid: null,
		timestamp: null,
		raw: (isObject(rawEvent) ? rawEvent : { value: rawEvent }) as IDataObject,
		error: `The event nests deeper than ${MAX_EVENT_DEPTH} levels; the trigger reads no event that deep`,
	};
}

function readEvent(pageId: string, rawEvent: unknown, normalize: typeof normalizeChange): MessengerEventItem | null {
	const item = nestedDeeperThan(rawEvent, MAX_EVENT_DEPTH) ? tooDeepEvent(pageId, rawEvent) : normalize(pageId, rawEvent);
	return item && { ...item, raw: rawWithoutTokens(item.raw) };
}

/** An entry's Page id; anything but text or a number is no id (and is not stringified, however deep). */
function pageIdOf(entry: unknown): string {
	const id = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
}

/**
 * Reads Meta's envelope (docs/meta-platform.md §5.2): `{ object: "page", entry: [{ id, time, messaging: [...] }] }`,
 * and the paid API's receipts in an entry's `changes: [...]` (§3.5). Every event of every entry
 * becomes one item; an unreadable event becomes an invalid item and never costs the valid events
 * beside it. No item's `raw` carries a token.
 */
export function parseWebhookBody(body: unknown): ParsedWebhook {
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return { ok: false, reason: 'The body is not a JSON object' };
	}
	const envelope = body as { object?: unknown; entry?: unknown };
	if (envelope.object !== 'page') {
		const object = typeof envelope.object === 'string' ? `${JSON.stringify(envelope.object)}, not "page"` : 'not "page"';
		return { ok: false, reason: `The body's object is ${object}` };
	}
	if (!Array.isArray(envelope.entry)) return { ok: false, reason: 'The body has no entry list' };

	const events: MessengerEventItem[] = [];
	for (const entry of envelope.entry) {
		const pageId = pageIdOf(entry);
		const { messaging, changes } = (entry && typeof entry === 'object' ? entry : {}) as { messaging?: unknown; changes?: unknown };
		for (const rawEvent of Array.isArray(messaging) ? messaging : []) {
			const item = readEvent(pageId, rawEvent, normalizeMessagingEvent);
			if (item) events.push(item);
		}
		for (const rawChange of Array.isArray(changes) ? changes : []) {
			const item = readEvent(pageId, rawChange, normalizeChange);
			if (item) events.push(item);
		}
	}
	return { ok: true, events };
}
