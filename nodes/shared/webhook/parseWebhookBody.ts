import type { MessengerEventItem } from './messengerEvents';
import { normalizeChange } from './normalizeChange';
import { normalizeMessagingEvent } from './normalizeEvent';

export type ParsedWebhook =
	| { ok: true; events: MessengerEventItem[] }
	| { ok: false; reason: string };

/**
 * Reads Meta's envelope (reference §5.2): `{ object: "page", entry: [{ id, time, messaging: [...] }] }`,
 * and the paid API's receipts in an entry's `changes: [...]` (§3.5). Every event of every entry
 * becomes one item; an unreadable event becomes an invalid item and never costs the valid events
 * beside it.
 */
export function parseWebhookBody(body: unknown): ParsedWebhook {
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return { ok: false, reason: 'The body is not a JSON object' };
	}
	const envelope = body as { object?: unknown; entry?: unknown };
	if (envelope.object !== 'page') {
		return { ok: false, reason: `The body's object is ${JSON.stringify(envelope.object ?? null)}, not "page"` };
	}
	if (!Array.isArray(envelope.entry)) return { ok: false, reason: 'The body has no entry list' };

	const events: MessengerEventItem[] = [];
	for (const entry of envelope.entry) {
		const pageId = entry && typeof entry === 'object' ? String((entry as { id?: unknown }).id ?? '') : '';
		const { messaging, changes } = (entry && typeof entry === 'object' ? entry : {}) as { messaging?: unknown; changes?: unknown };
		for (const rawEvent of Array.isArray(messaging) ? messaging : []) {
			const item = normalizeMessagingEvent(pageId, rawEvent);
			if (item) events.push(item);
		}
		for (const rawChange of Array.isArray(changes) ? changes : []) {
			const item = normalizeChange(pageId, rawChange);
			if (item) events.push(item);
		}
	}
	return { ok: true, events };
}
