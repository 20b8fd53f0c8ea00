import type { IncomingMessage } from 'http';

/**
 * Keeps web pages out: the emulator answers the App secret and Page tokens to whoever asks, so a
 * site open in the developer's browser must not reach it. A foreign Host header is DNS rebinding
 * (the attacker's name now points at 127.0.0.1); a foreign Origin, or a body type a plain HTML
 * form can send, is cross-site request forgery. Graph API calls from n8n carry neither problem.
 */

export interface Refusal {
	status: number;
	message: string;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class RequestGuard {
	private readonly hosts: Set<string>;
	private readonly origins: Set<string>;

	/** `hostNames`: the address it listens on and any name it was configured with, beside the loopback names. */
	constructor(port: number, hostNames: string[]) {
		const names = [...new Set([...LOOPBACK_NAMES, ...hostNames.map(bracketed)].map((name) => name.toLowerCase()))];
		this.hosts = new Set(names.flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`])));
		this.origins = new Set(names.map((name) => `http://${name}${port === 80 ? '' : `:${port}`}`));
	}

	/** Every request: the Host must be one of the emulator's own addresses. */
	checkHost(req: IncomingMessage): Refusal | undefined {
		const host = (req.headers.host ?? '').toLowerCase();
		if (this.hosts.has(host)) return undefined;
		return { status: 421, message: `this emulator answers only to ${[...this.hosts].join(', ')}, not to Host ${host || '(none)'}` };
	}

	/** Control API calls that change something: a JSON body, from no page or from the emulator's own page. */
	checkControlWrite(req: IncomingMessage): Refusal | undefined {
		if (!STATE_CHANGING.has((req.method ?? 'GET').toUpperCase())) return undefined;
		const origin = req.headers.origin;
		if (origin !== undefined && !this.origins.has(origin.toLowerCase())) {
			return { status: 403, message: `control API changes are refused from Origin ${origin}; only the emulator's own page may send them` };
		}
		const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
		if (type !== 'application/json') {
			return { status: 415, message: `control API changes need Content-Type: application/json (even with an empty body), not ${type || 'none'}` };
		}
		return undefined;
	}
}

function bracketed(host: string): string {
	return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
