import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

import {
	DEFAULT_AD_ACCOUNT,
	DEFAULT_APP,
	DEFAULT_HOST,
	DEFAULT_MEDIA_RATE_LIMIT_PER_SECOND,
	DEFAULT_PAID_SEND_RATE_PER_SECOND,
	DEFAULT_RATE_LIMIT_PER_SECOND,
	DEFAULT_SYSTEM_USER,
	type EmulatorOptions,
} from './config';
import { handleControlRequest } from './control/controlRouter';
import { MARKETING_COOLDOWN_MS } from './core/durations';
import { invalidParameter } from './fixtures/graphErrors';
import type { GraphContext, GraphOutcome } from './graph/graphCall';
import { graphErrorBody } from './graph/graphError';
import { handleGraphRequest } from './graph/graphRequest';
import { BodyError, readBody } from './http/requestBody';
import { RequestGuard } from './http/requestGuard';
import { sendJson, sendText } from './http/respond';
import { EmulatorState } from './state/emulatorState';
import type { InboundEventQueue } from './state/inboundEvents';
import { sendUiFile, uiFileFor } from './ui/uiFiles';
import { WebhookDispatcher } from './webhooks/webhookDispatcher';
import { DEFAULT_WEBHOOK_SETTINGS, mergeWebhookSettings } from './webhooks/webhookSettings';

export {
	DEFAULT_AD_ACCOUNT_ID,
	DEFAULT_APP,
	DEFAULT_APP_ID,
	DEFAULT_APP_SECRET,
	DEFAULT_GRAPH_VERSION,
	DEFAULT_HOST,
	DEFAULT_MEDIA_RATE_LIMIT_PER_SECOND,
	DEFAULT_PAGE_ID,
	DEFAULT_PAGE_NAME,
	DEFAULT_PAGE_TOKEN,
	DEFAULT_RATE_LIMIT_PER_SECOND,
	DEFAULT_SYSTEM_USER_TOKEN,
} from './config';
export type { EmulatorAppConfig, EmulatorOptions, EmulatorPageConfig } from './config';
export type { AdAccountConfig, SystemUserConfig } from './state/paid/adAccounts';
export type { WebhookSettings } from './webhooks/webhookSettings';

export interface RunningEmulator {
	/** e.g. http://127.0.0.1:41234 */
	url: string;
	host: string;
	port: number;
	/** In-process access for the webhook side, the demo and benchmarks. */
	state: EmulatorState;
	/** What subscribers did, in order: the queue webhook delivery reads. */
	events: InboundEventQueue;
	close(): Promise<void>;
}

const CONTROL_PREFIX = '/_emulator';

/** Starts a local stand-in for Meta's Graph API (Messenger subset) plus its control API. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const host = options.host ?? DEFAULT_HOST;
	assertLoopback(host);
	const state = new EmulatorState({
		apps: options.apps ?? [DEFAULT_APP],
		rateLimitPerSecond: options.rateLimitPerSecond ?? DEFAULT_RATE_LIMIT_PER_SECOND,
		mediaRateLimitPerSecond: options.mediaRateLimitPerSecond ?? DEFAULT_MEDIA_RATE_LIMIT_PER_SECOND,
		marketingCooldownMs: options.marketingCooldownMs ?? MARKETING_COOLDOWN_MS,
		seed: options.seed ?? Date.now(),
		paid: {
			adAccounts: options.adAccounts ?? [DEFAULT_AD_ACCOUNT],
			systemUsers: options.systemUsers ?? [DEFAULT_SYSTEM_USER],
			sendRatePerSecond: options.paidSendRatePerSecond ?? DEFAULT_PAID_SEND_RATE_PER_SECOND,
		},
	});
	/** Sends subscribers' events as signed webhooks, with batching and retries (docs/meta-platform.md §5). */
	const webhooks = new WebhookDispatcher(state, mergeWebhookSettings(DEFAULT_WEBHOOK_SETTINGS, { ...options.webhooks }));

	// Held responses (latency, injected time-outs) are timers the server cancels when it closes.
	const timers = new Set<NodeJS.Timeout>();
	let closed = false;
	const sleep = (ms: number): Promise<void> =>
		new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});
	const ctx: GraphContext = { state, webhooks, baseUrl: '', sleep };

	const server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			if (!res.headersSent) sendJson(res, 500, { error: { message: `emulator failure: ${String(error)}` } });
		});
	});

	let guard: RequestGuard | undefined;
	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		guard ??= new RequestGuard((server.address() as AddressInfo).port, [host, ...(options.hostNames ?? [])]);
		const wrongHost = guard.checkHost(req);
		if (wrongHost) return sendText(res, wrongHost.status, wrongHost.message);
		const url = new URL(req.url ?? '/', 'http://emulator.invalid');
		// The web page (GET / and its files) sits beside the Graph API, which answers no GET /.
		const uiFile = req.method === 'GET' ? uiFileFor(url.pathname) : undefined;
		if (uiFile) return sendUiFile(res, uiFile);
		const isControl = url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`);
		const forgedControl = isControl ? guard.checkControlWrite(req) : undefined;
		if (forgedControl) return sendText(res, forgedControl.status, forgedControl.message);
		let raw: Buffer;
		try {
			raw = await readBody(req);
		} catch (error) {
			if (!(error instanceof BodyError)) throw error;
			sendJson(res, 400, isControl ? { error: { message: error.message } } : graphErrorBody(invalidParameter(error.message)));
			return;
		}
		if (isControl) {
			const reply = await handleControlRequest(state, webhooks, req, url, raw.toString('utf8'));
			sendJson(res, reply.status, reply.body);
			return;
		}
		const outcome = await handleGraphRequest(ctx, req, url, raw);
		if (!closed) await answer(req, res, outcome);
	}

	async function answer(req: IncomingMessage, res: ServerResponse, outcome: GraphOutcome): Promise<void> {
		if (outcome.kind === 'response') return sendJson(res, outcome.status, outcome.body, outcome.headers);
		// Time-out: the caller waits, then the connection dies without an answer.
		if (outcome.kind === 'timeout') await sleep(outcome.hangMs);
		req.socket.destroy();
	}

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	ctx.baseUrl = url;

	return {
		url,
		host,
		port,
		state,
		events: state.events,
		close: () => {
			closed = true;
			webhooks.stop();
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			return new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			});
		},
	};
}

/** The emulator is a test tool: it never listens beyond this machine. */
function assertLoopback(host: string): void {
	if (host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)) return;
	throw new Error(`the emulator listens on loopback only (127.0.0.0/8, ::1 or localhost), not ${host}`);
}
