import type { IncomingMessage } from 'http';

import { parseMultipart } from './multipart';

/** Reads a request body and turns JSON, form-encoded text or a multipart form into parameters. */

/** Room for Meta's largest attachment (25 MB) and the form around it. */
const MAX_BODY_BYTES = 26 * 1024 * 1024;

export class BodyError extends Error {}

export function readBody(req: IncomingMessage): Promise<Buffer> {
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
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/**
 * JSON object, url-encoded form or multipart form (file uploads); a body without a content type is
 * read as whichever of the first two it looks like.
 */
export function parseBody(body: Buffer, contentType: string | undefined): Record<string, unknown> {
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (type === 'multipart/form-data') return parseMultipartBody(body, contentType ?? '');
	const raw = body.toString('utf8');
	if (raw.trim() === '') return {};
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

function parseMultipartBody(body: Buffer, contentType: string): Record<string, unknown> {
	const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	if (!boundary) throw new BodyError('the multipart content type has no boundary');
	try {
		return parseMultipart(body, boundary[1] ?? boundary[2]);
	} catch (error) {
		throw new BodyError((error as Error).message);
	}
}
