import type { EmulatorState } from '../state/emulatorState';
import type { WebhookDispatcher } from '../webhooks/webhookDispatcher';

/** One control API route: method, a path with `:name` parts, and its handler. */

export interface ControlRequest {
	/** The `:name` parts of the path, in order. */
	params: string[];
	body: Record<string, unknown>;
	query: URLSearchParams;
}

export interface ControlRoute {
	method: string;
	pattern: RegExp;
	/** The answer, or a promise of it (running due webhooks waits for their answers). */
	handle(state: EmulatorState, request: ControlRequest, webhooks: WebhookDispatcher): unknown;
}

export function route(method: string, path: string, handle: ControlRoute['handle']): ControlRoute {
	const source = path.replace(/:[a-zA-Z]+/g, '([^/]+)');
	return { method, pattern: new RegExp(`^/_emulator${source}/?$`), handle };
}
