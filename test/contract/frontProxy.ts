// A stand-in for what may sit between n8n and Meta (a corporate proxy, a firewall): it forwards
// every call to the emulator, except the sends it is told to answer itself.
import { createServer, request as forward, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyAnswer {
	status: number;
	contentType: string;
	body: string;
}

export interface FrontProxy {
	url: string;
	/** How many calls it answered itself. */
	answered: number;
	close(): Promise<void>;
}

/** Answers every POST with `answer` (when given) and forwards all else to `target`. */
export async function startFrontProxy(target: string, answerPosts: ProxyAnswer): Promise<FrontProxy> {
	const upstream = new URL(target);
	const proxy: FrontProxy = { url: '', answered: 0, close: async () => undefined };
	const server: Server = createServer((incoming: IncomingMessage, response) => {
		if (incoming.method === 'POST') {
			proxy.answered++;
			incoming.resume();
			response.writeHead(answerPosts.status, { 'content-type': answerPosts.contentType });
			response.end(answerPosts.body);
			return;
		}
		const outgoing = forward(
			{ host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: upstream.host } },
			(answer) => {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(response);
			},
		);
		incoming.pipe(outgoing);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	proxy.close = () => new Promise((resolve) => server.close(() => resolve()));
	return proxy;
}
