/**
 * A small client for n8n's HTTP APIs: the editor's internal `/rest` API (session cookie) and the
 * public `/api/v1` API (X-N8N-API-KEY). Uses Node's fetch; n8n wraps `/rest` answers in `{ data }`.
 */
export interface N8nAuth {
	baseUrl: string;
	/** `n8n-auth=<jwt>`, for `/rest` and `/types`. */
	cookie?: string;
	/** For `/api/v1`. */
	apiKey?: string;
}

export class N8nHttpError extends Error {
	constructor(
		readonly method: string,
		readonly path: string,
		readonly status: number,
		readonly body: string,
	) {
		super(`${method} ${path} answered ${status}: ${body.slice(0, 500)}`);
	}
}

export interface RawResponse {
	status: number;
	body: unknown;
	setCookies: string[];
}

export async function request(auth: N8nAuth, method: string, path: string, body?: unknown): Promise<RawResponse> {
	const headers: Record<string, string> = { accept: 'application/json' };
	if (body !== undefined) headers['content-type'] = 'application/json';
	if (auth.cookie) headers.cookie = auth.cookie;
	if (auth.apiKey) headers['x-n8n-api-key'] = auth.apiKey;
	const send = () => fetch(`${auth.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const response = await send().catch((error: Error) => {
		if (!closedUnanswered(error)) throw error;
		return send();
	});
	const text = await response.text();
	if (!response.ok) throw new N8nHttpError(method, path, response.status, text);
	return { status: response.status, body: text ? JSON.parse(text) : undefined, setCookies: response.headers.getSetCookie() };
}

/**
 * A busy n8n can close an idle keep-alive connection just as the next request goes out on it: the
 * request fails with "other side closed" before n8n read it, so it is sent once more, on a new connection.
 */
function closedUnanswered(error: Error): boolean {
	const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
	return cause?.code === 'UND_ERR_SOCKET' && cause.message === 'other side closed';
}

/** A call to the editor's `/rest` API; returns the unwrapped `data`. */
export async function rest<T>(auth: N8nAuth, method: string, path: string, body?: unknown): Promise<T> {
	const { body: answer } = await request(auth, method, `/rest${path}`, body);
	return (answer as { data: T }).data;
}

/** A call to the public API. */
export async function publicApi<T>(auth: N8nAuth, method: string, path: string, body?: unknown): Promise<T> {
	const { body: answer } = await request(auth, method, `/api/v1${path}`, body);
	return answer as T;
}

/** The `n8n-auth` cookie from a login or owner-setup answer, ready for a Cookie header. */
export function authCookie(setCookies: string[]): string {
	const cookie = setCookies.map((line) => line.split(';')[0]).find((pair) => pair.startsWith('n8n-auth='));
	if (!cookie) throw new Error('n8n set no n8n-auth cookie');
	return cookie;
}
