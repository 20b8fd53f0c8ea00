import type { IncomingMessage } from 'http';

import type { EmulatorState } from '../state/emulatorState';
import type { WebhookDispatcher } from '../webhooks/webhookDispatcher';
import { DirectoryConflict } from '../state/directory';
import { ControlError } from './controlError';
import type { ControlRoute } from './controlRoute';
import { conversationRoutes } from './conversationRoutes';
import { directoryRoutes } from './directoryRoutes';
import { groundTruthRoutes } from './groundTruthRoutes';
import { loadRoutes } from './loadRoutes';
import { paidApiRoutes } from './paidApiRoutes';
import { stateRoutes } from './stateRoutes';
import { subscriberRoutes } from './subscriberRoutes';
import { webhookRoutes } from './webhookRoutes';

/** `/_emulator/*`: JSON in, JSON out, no auth (the emulator listens on loopback only). */

const ROUTES: ControlRoute[] = [...stateRoutes, ...directoryRoutes, ...subscriberRoutes, ...loadRoutes, ...groundTruthRoutes, ...webhookRoutes, ...conversationRoutes, ...paidApiRoutes];

export async function handleControlRequest(state: EmulatorState, webhooks: WebhookDispatcher, req: IncomingMessage, url: URL, rawBody: string): Promise<{ status: number; body: unknown }> {
	try {
		const body = parseJsonBody(rawBody);
		const method = (req.method ?? 'GET').toUpperCase();
		for (const candidate of ROUTES) {
			const match = candidate.method === method ? candidate.pattern.exec(url.pathname) : null;
			if (match) return { status: 200, body: await candidate.handle(state, { params: match.slice(1).map(decodeURIComponent), body, query: url.searchParams }, webhooks) };
		}
		throw new ControlError(404, `no control route ${method} ${url.pathname}`);
	} catch (error) {
		if (error instanceof ControlError) return { status: error.status, body: { error: { message: error.message } } };
		if (error instanceof DirectoryConflict) return { status: 409, body: { error: { message: error.message } } };
		throw error;
	}
}

function parseJsonBody(raw: string): Record<string, unknown> {
	if (raw.trim() === '') return {};
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		throw new ControlError(400, 'the body must be JSON');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ControlError(400, 'the body must be a JSON object');
	return value as Record<string, unknown>;
}
