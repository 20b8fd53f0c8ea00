import { createHmac } from 'crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

/**
 * A local callback URL for the emulator's webhooks: answers the verification GET and the POSTs as
 * told, and keeps every request with its raw body bytes.
 */

export interface ReceivedRequest {
	method: string;
	url: URL;
	headers: IncomingHttpHeaders;
	raw: Buffer;
}

export interface ReceiverBehaviour {
	/** GET: `echo` the challenge when the verify token matches (else 403), `wrong` answers another number, or a status. */
	verify: 'echo' | 'wrong' | number;
	verifyToken: string;
	/** POST: the status to answer, or `hang` to never answer. */
	post: number | 'hang';
}

export class WebhookReceiver {
	readonly requests: ReceivedRequest[] = [];
	behaviour: ReceiverBehaviour = { verify: 'echo', verifyToken: 'verify-me', post: 200 };
	private readonly held = new Set<ServerResponse>();

	private readonly server: Server;
	url = '';

	private constructor() {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => this.answer({ method: req.method ?? '', url: new URL(req.url ?? '/', 'http://receiver'), headers: req.headers, raw: Buffer.concat(chunks) }, res));
		});
	}

	static async start(path = '/webhook'): Promise<WebhookReceiver> {
		const receiver = new WebhookReceiver();
		await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
		receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}${path}`;
		return receiver;
	}

	/** The webhook POSTs received so far. */
	posts(): ReceivedRequest[] {
		return this.requests.filter((request) => request.method === 'POST');
	}

	/** The parsed bodies of the POSTs received after the first `skip`. */
	bodies(skip = 0): WebhookBody[] {
		return this.posts()
			.slice(skip)
			.map((request) => JSON.parse(request.raw.toString('utf8')) as WebhookBody);
	}

	close(): Promise<void> {
		for (const res of this.held) res.destroy();
		this.server.closeAllConnections();
		return new Promise((resolve) => this.server.close(() => resolve()));
	}

	private answer(request: ReceivedRequest, res: ServerResponse): void {
		this.requests.push(request);
		const { behaviour } = this;
		if (request.method === 'GET') {
			const challenge = request.url.searchParams.get('hub.challenge') ?? '';
			if (behaviour.verify === 'wrong') return void res.end(String(Number(challenge) + 1));
			if (typeof behaviour.verify === 'number') return void res.writeHead(behaviour.verify).end('no');
			const ok = request.url.searchParams.get('hub.mode') === 'subscribe' && request.url.searchParams.get('hub.verify_token') === behaviour.verifyToken;
			return void res.writeHead(ok ? 200 : 403).end(ok ? challenge : 'Forbidden');
		}
		if (behaviour.post === 'hang') {
			this.held.add(res);
			return;
		}
		res.writeHead(behaviour.post).end(behaviour.post === 200 ? 'EVENT_RECEIVED' : 'failed');
	}
}

export interface WebhookBody {
	object: string;
	entry: { id: string; time: number; messaging?: Record<string, unknown>[]; changes?: Record<string, unknown>[] }[];
}

/** Every messaging event of these bodies, in order. */
export function messagingOf(bodies: WebhookBody[]): Record<string, unknown>[] {
	return bodies.flatMap((body) => body.entry.flatMap((entry) => entry.messaging ?? []));
}

/** Every change (the paid API's `{ field, ... }` events, docs/meta-platform.md §3.5) of these bodies, in order. */
export function changesOf(bodies: WebhookBody[]): Record<string, unknown>[] {
	return bodies.flatMap((body) => body.entry.flatMap((entry) => entry.changes ?? []));
}

/** What a receiver must do (docs/meta-platform.md §5.3): HMAC-SHA256 of the raw bytes with the App secret. */
export function expectedSignature(raw: Buffer, appSecret: string): string {
	return `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;
}
