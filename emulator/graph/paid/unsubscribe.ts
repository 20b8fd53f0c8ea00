import { invalidParameter } from '../../fixtures/graphErrors';
import { unsubscribeResult } from '../../fixtures/paidApiResponses';
import type { PageRecord } from '../../state/directory';
import type { EmulatorState } from '../../state/emulatorState';
import type { MarketingTokenRecord } from '../../state/tokens';
import { jsonResponse, type GraphResponse } from '../graphCall';
import { GraphError } from '../graphError';
import { arrayParam } from '../params';

/**
 * `POST /<PAGE_ID>/messaging_customer_base/unsubscribe` with the Page token (docs/meta-platform.md §3.2):
 * `data` is a list of rows `{ psid }`, `{ subscriber_token }`, `{ phone }`, `{ email }` or
 * `{ phone, email }`; answers `{ invalid_rows_count }`. Meta unsubscribes at the Page level, so a
 * matched row stops every marketing token of that subscriber on the Page.
 *
 * Undocumented, strictest reading: a row that matches no subscriber of the Page counts as invalid
 * (the emulator keeps no phone numbers or e-mail addresses, so such rows always do); 1 to 10 000
 * rows a call, as for Custom Audience uploads (§3.2); no webhook tells the app, so the caller
 * updates its own store.
 */

const MAX_ROWS = 10_000;
const ROW_KEYS = ['psid', 'subscriber_token', 'phone', 'email'];

export function unsubscribe(state: EmulatorState, page: PageRecord, params: Record<string, unknown>): GraphResponse {
	const rows = arrayParam(params, 'data');
	if (!rows || rows.length === 0 || rows.length > MAX_ROWS) {
		throw new GraphError(invalidParameter(`Param data must be a list of 1 to ${MAX_ROWS} rows`));
	}
	const matches = rows.map((row) => subscriberOf(state, page, row));
	const now = state.clock.now();
	for (const psid of matches) {
		if (psid === undefined) continue;
		for (const token of marketingTokensOf(state, page.pageId, psid)) {
			token.stoppedAt ??= now;
			token.unsubscribedAt ??= now;
		}
	}
	return jsonResponse(200, unsubscribeResult(matches.filter((psid) => psid === undefined).length));
}

/** The PSID a row names on this Page, or undefined for an invalid or unmatched row. */
function subscriberOf(state: EmulatorState, page: PageRecord, row: unknown): string | undefined {
	if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
	const entries = Object.entries(row as Record<string, unknown>);
	if (entries.length === 0 || entries.some(([key, value]) => !ROW_KEYS.includes(key) || typeof value !== 'string' || value === '')) return undefined;
	const { psid, subscriber_token: token } = row as Record<string, string>;
	if (psid !== undefined) return state.subscribers.get(page.pageId, psid) ? psid : undefined;
	if (token !== undefined) {
		const record = state.tokens.find(token);
		return record?.type === 'marketing' && record.pageId === page.pageId ? record.psid : undefined;
	}
	return undefined;
}

function marketingTokensOf(state: EmulatorState, pageId: string, psid: string): MarketingTokenRecord[] {
	return state.tokens.listForPage(pageId).filter((token): token is MarketingTokenRecord => token.type === 'marketing' && token.psid === psid);
}
