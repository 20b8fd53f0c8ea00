import { request as httpRequest, type ClientRequest } from 'http';
import { request as httpsRequest } from 'https';

/**
 * One HTTP call from "Meta" to a callback URL: the verification GET or a webhook POST. The whole
 * answer must arrive within the time-out (docs/meta-platform.md §5.4). No connection is kept alive, so nothing
 * lingers once the emulator closes.
 */

export type CallbackOutcome =
	| { kind: 'answered'; status: number; body: string }
	| { kind: 'timeout' }
	| { kind: 'error'; message: string };

export interface CallbackRequest {
	method: 'GET' | 'POST';
	url: string;
	headers?: Record<string, string>;
	body?: string;
	timeoutMs: number;
}

/** Answers longer than this are cut: a receiver only needs to say 200 (or echo a challenge). */
const MAX_ANSWER_BYTES = 64 * 1024;

export class CallbackHttp {
	private readonly open = new Set<ClientRequest>();

	call(request: CallbackRequest): Promise<CallbackOutcome> {
		return new Promise((resolve) => {
			let settled = false;
			const finish = (outcome: CallbackOutcome): void => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				this.open.delete(req);
				resolve(outcome);
			};
			const url = new URL(request.url);
			const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
			const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
			const headers = { ...request.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) };
			const req = send(url, { method: request.method, headers, agent: false }, (res) => {
				const chunks: Buffer[] = [];
				let size = 0;
				res.on('data', (chunk: Buffer) => {
					if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
					size += chunk.length;
				});
				res.on('end', () => finish({ kind: 'answered', status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', (error) => finish({ kind: 'error', message: error.message }));
			});
			const timer = setTimeout(() => {
				finish({ kind: 'timeout' });
				req.destroy();
			}, request.timeoutMs);
			req.on('error', (error) => finish({ kind: 'error', message: error.message }));
			this.open.add(req);
			req.end(body);
		});
	}

	/** Ends every call still waiting (the emulator is closing). */
	abortAll(): void {
		for (const req of this.open) req.destroy(new Error('the emulator closed'));
		this.open.clear();
	}
}
