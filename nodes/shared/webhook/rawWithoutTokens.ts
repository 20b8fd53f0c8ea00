import type { IDataObject } from 'n8n-workflow';

import { MAX_EVENT_DEPTH } from './eventDepth';

/**
 * The keys Meta puts a token under in a webhook event: the one-time opt-in (docs/meta-platform.md §1.4), the
 * marketing opt-in (§2.3) and the paid API's receipts (§3.5).
 */
const TOKEN_KEYS = new Set(['one_time_notif_token', 'notification_messages_token', 'messenger_subscription_token', 'subscription_token']);

export const REDACTED_RAW_TOKEN = '[redacted: a token travels only in the item\'s token field]';
const CUT_RAW = `[cut: nested deeper than ${MAX_EVENT_DEPTH} levels]`;

function copyWithoutTokens(value: unknown, depth: number): unknown {
	if (!value || typeof value !== 'object') return value;
	if (depth >= MAX_EVENT_DEPTH) return CUT_RAW;
	if (Array.isArray(value)) return value.map((inner) => copyWithoutTokens(inner, depth + 1));
	const copy: IDataObject = {};
	for (const [key, inner] of Object.entries(value)) {
		const isToken = TOKEN_KEYS.has(key) && inner !== null && inner !== undefined && inner !== '';
		copy[key] = isToken ? REDACTED_RAW_TOKEN : (copyWithoutTokens(inner, depth + 1) as IDataObject);
	}
	return copy;
}

/**
 * The event as Meta sent it, with every token replaced by a marker: n8n keeps `raw` in the
 * execution history, where a token must not stand beside the one column users can hide.
 */
export function rawWithoutTokens(raw: IDataObject): IDataObject {
	return copyWithoutTokens(raw, 0) as IDataObject;
}
