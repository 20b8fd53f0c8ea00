import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { redactSecrets } from '../redact';
import { classifyGraphError, type Classification } from './errorTable';
import {
	graphErrorFromResponse,
	graphErrorFromThrown,
	mayHaveBeenDelivered,
	parseJson,
	type GraphError,
} from './graphError';
import { DEFAULT_GRAPH_API_VERSION } from './graphVersions';
import {
	recipientKind,
	recipientSecret,
	sendRequestBatchItem,
	sendRequestBody,
	type SendRequest,
} from './sendRequest';

export const PAGE_CREDENTIAL_TYPE = 'messengerOtnPageApi';

/** Meta accepts at most 50 requests in one batch (reference §4.7). */
export const MAX_BATCH_SIZE = 50;

const DEFAULT_TIMEOUT_MS = 30_000;

/** The n8n contexts that make Graph calls. */
export type GraphCallerContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions;

export type GraphResult<T = IDataObject> =
	| { ok: true; status: number; body: T }
	| { ok: false; error: GraphError };

export type SendOutcome =
	| { ok: true; messageId: string; recipientId?: string }
	| ({ ok: false; error: GraphError; mayHaveBeenDelivered: boolean } & Classification);

export interface GraphClient {
	/** Where calls go, e.g. `https://graph.facebook.com/v25.0`. */
	readonly baseUrl: string;
	call<T = IDataObject>(method: IHttpRequestMethods, path: string, options?: { qs?: IDataObject; body?: IDataObject }): Promise<GraphResult<T>>;
	sendMessage(request: SendRequest): Promise<SendOutcome>;
	/** Up to 50 messages in one Graph batch request, answered one outcome per message, in order. */
	sendBatch(requests: SendRequest[]): Promise<SendOutcome[]>;
}

export interface GraphClientOptions {
	timeoutMs?: number;
}

interface FullResponse {
	statusCode: number;
	body: unknown;
}

function trimSlashes(value: string): string {
	return value.replace(/\/+$/, '');
}

/**
 * The one place the package talks HTTP to Meta. Calls go through n8n's
 * `httpRequestWithAuthentication`, which applies the credential (Page token or app token, and
 * appsecret_proof). HTTP errors come back as values, never as n8n's generic wrapped error, so
 * every caller can classify Meta's code and subcode; no result carries a token.
 */
export async function createGraphClient(
	context: GraphCallerContext,
	options: GraphClientOptions = {},
): Promise<GraphClient> {
	const credentials = await context.getCredentials(PAGE_CREDENTIAL_TYPE);
	const host = trimSlashes(String(credentials.graphHost || 'https://graph.facebook.com'));
	const version = String(credentials.graphApiVersion || DEFAULT_GRAPH_API_VERSION);
	const baseUrl = `${host}/${version}`;
	const secrets = [credentials.accessToken, credentials.appSecret].map((value) =>
		value ? String(value) : undefined,
	);
	const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

	function clean(error: GraphError, extraSecrets: Array<string | undefined> = []): GraphError {
		return { ...error, message: redactSecrets(error.message, [...secrets, ...extraSecrets]) };
	}

	async function call<T>(
		method: IHttpRequestMethods,
		path: string,
		{ qs, body }: { qs?: IDataObject; body?: IDataObject } = {},
		extraSecrets: Array<string | undefined> = [],
	): Promise<GraphResult<T>> {
		const request: IHttpRequestOptions = {
			method,
			baseURL: baseUrl,
			url: path.startsWith('/') ? path : `/${path}`,
			qs,
			body,
			json: true,
			timeout,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		};
		let response: FullResponse;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				PAGE_CREDENTIAL_TYPE,
				request,
			)) as FullResponse;
		} catch (thrown) {
			return { ok: false, error: clean(graphErrorFromThrown(thrown), extraSecrets) };
		}
		const parsed = parseJson(response.body);
		if (response.statusCode >= 200 && response.statusCode < 300) {
			return { ok: true, status: response.statusCode, body: parsed as T };
		}
		return { ok: false, error: clean(graphErrorFromResponse(response.statusCode, parsed), extraSecrets) };
	}

	function failed(request: SendRequest, error: GraphError): SendOutcome {
		return {
			ok: false,
			error,
			mayHaveBeenDelivered: mayHaveBeenDelivered(error),
			...classifyGraphError(error, recipientKind(request.recipient)),
		};
	}

	function succeeded(body: unknown): SendOutcome {
		const answer = (body ?? {}) as { message_id?: unknown; recipient_id?: unknown };
		return {
			ok: true,
			messageId: String(answer.message_id ?? ''),
			recipientId: answer.recipient_id === undefined ? undefined : String(answer.recipient_id),
		};
	}

	async function sendMessage(request: SendRequest): Promise<SendOutcome> {
		const result = await call('POST', '/me/messages', { body: sendRequestBody(request) }, [
			recipientSecret(request.recipient),
		]);
		return result.ok ? succeeded(result.body) : failed(request, result.error);
	}

	async function sendBatch(requests: SendRequest[]): Promise<SendOutcome[]> {
		if (requests.length === 0) return [];
		if (requests.length > MAX_BATCH_SIZE) {
			throw new RangeError(`A Graph batch holds at most ${MAX_BATCH_SIZE} requests, got ${requests.length}`);
		}
		const tokens = requests.map((request) => recipientSecret(request.recipient));
		const result = await call<unknown>(
			'POST',
			'/',
			{ body: { batch: requests.map(sendRequestBatchItem), include_headers: false } },
			tokens,
		);
		if (!result.ok) return requests.map((request) => failed(request, result.error));
		const answers = Array.isArray(result.body) ? result.body : [];
		return requests.map((request, index) => {
			const answer = answers[index] as { code?: number; body?: unknown } | null | undefined;
			if (!answer) {
				return failed(request, {
					unanswered: true,
					message: 'Meta left this batch item unanswered',
				});
			}
			const body = parseJson(answer.body);
			const code = Number(answer.code);
			if (code >= 200 && code < 300) return succeeded(body);
			return failed(request, clean(graphErrorFromResponse(code, body), [tokens[index]]));
		});
	}

	return {
		baseUrl,
		call: (method, path, callOptions) => call(method, path, callOptions),
		sendMessage,
		sendBatch,
	};
}
