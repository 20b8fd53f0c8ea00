import type { IncomingMessage } from 'http';

/** Reads a request body and turns JSON or form-encoded text into parameters. */

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export class BodyError extends Error {}

export function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new BodyError('request body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** JSON object or url-encoded form; a body without a content type is read as whichever it looks like. */
export function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
	if (raw.trim() === '') return {};
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	const looksJson = raw.trimStart().startsWith('{');
	if (type === 'application/json' || (type === '' && looksJson)) return parseJsonObject(raw);
	if (type === 'application/x-www-form-urlencoded' || type === '') return parseForm(raw);
	throw new BodyError(`unsupported content type ${type}`);
}

export function parseForm(raw: string): Record<string, string> {
	return Object.fromEntries(new URLSearchParams(raw));
}

function parseJsonObject(raw: string): Record<string, unknown> {
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		throw new BodyError('the request body is not valid JSON');
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BodyError('the request body must be a JSON object');
	return value as Record<string, unknown>;
}
