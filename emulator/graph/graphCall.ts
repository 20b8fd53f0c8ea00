import type { EmulatorState } from '../state/emulatorState';
import type { WebhookDispatcher } from '../webhooks/webhookDispatcher';

/** One Graph call, alone or as an item of a batch, and what the emulator does with it. */

export interface GraphCall {
	method: string;
	/** Path without the version prefix, e.g. `/me/messages`. */
	path: string;
	/** `v25.0` when the caller gave one. */
	version?: string;
	/** Query string merged with the body; body values win. */
	params: Record<string, unknown>;
	authorization?: string;
}

export interface GraphResponse {
	kind: 'response';
	status: number;
	body: unknown;
	headers: Record<string, string>;
}

export type GraphOutcome = GraphResponse | { kind: 'timeout'; hangMs: number } | { kind: 'drop' };

export interface GraphContext {
	state: EmulatorState;
	/** Verifies a callback URL before an app subscription takes it. */
	webhooks: WebhookDispatcher;
	/** e.g. http://127.0.0.1:41234, for paging links. */
	baseUrl: string;
	/** A wait the server cancels when it closes. */
	sleep(ms: number): Promise<void>;
}

const VERSION_PREFIX = /^\/(v\d+\.\d+)(?=\/|$)/;

/** `/v25.0/me/messages` → `{ version: 'v25.0', path: '/me/messages' }`; `/v25.0` → path `/`. */
export function splitVersion(path: string): { version?: string; path: string } {
	const match = VERSION_PREFIX.exec(path);
	if (!match) return { path: path || '/' };
	return { version: match[1], path: path.slice(match[0].length) || '/' };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): GraphResponse {
	return { kind: 'response', status, body, headers };
}
