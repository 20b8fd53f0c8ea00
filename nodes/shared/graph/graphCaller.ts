import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { redactSecrets } from '../redact';
import { graphErrorFromResponse, graphErrorFromThrown, parseJson, type GraphError } from './graphError';
import type { MultipartBody } from './multipartBody';
import { readUsageHeaders, type MetaUsage } from './usageHeaders';

/** The n8n contexts that make Graph calls. */
export type GraphCallerContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions;

export type GraphResult<T = IDataObject> =
	| { ok: true; status: number; body: T }
	| { ok: false; error: GraphError };

export interface GraphCallOptions {
	qs?: IDataObject;
	/** JSON parameters, or a multipart form (multipartBody.ts) for uploads. */
	body?: IDataObject | MultipartBody;
}

/** One Graph call; `extraSecrets` (tokens the call carries) are kept out of the error as well. */
export type GraphCall = <T = IDataObject>(
	method: IHttpRequestMethods,
	path: string,
	options?: GraphCallOptions,
	extraSecrets?: Array<string | undefined>,
) => Promise<GraphResult<T>>;

export interface GraphCallerSettings {
	/** The n8n credential whose `authenticate` signs each call. */
	credentialType: string;
	/** e.g. `https://graph.facebook.com/v25.0` */
	baseUrl: string;
	/** The credential's secrets: never in a result. */
	secrets: Array<string | undefined>;
	timeoutMs: number;
	/** Told Meta's usage headers of every answer that carries them (a batch: its outer answer). */
	onUsage?: UsageObserver;
}

/** Receives the usage Meta reports: numbers and Meta's names only, never a token. */
export type UsageObserver = (usage: MetaUsage) => void;

interface FullResponse {
	statusCode: number;
	body: unknown;
	headers?: Record<string, unknown>;
}

export const DEFAULT_GRAPH_HOST = 'https://graph.facebook.com';

/** How long one Graph call may take, for both clients. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** `https://graph.facebook.com/` + `v25.0` → `https://graph.facebook.com/v25.0`. */
export function graphBaseUrl(host: unknown, version: string): string {
	return `${String(host || DEFAULT_GRAPH_HOST).replace(/\/+$/, '')}/${version}`;
}

/**
 * Calls through n8n's `httpRequestWithAuthentication`, which applies the credential. HTTP errors
 * come back as values, never as n8n's generic wrapped error, so every caller can classify Meta's
 * code and subcode; no result carries a token or secret.
 */
export function graphCaller(context: GraphCallerContext, settings: GraphCallerSettings): GraphCall {
	function clean(error: GraphError, extraSecrets: Array<string | undefined>): GraphError {
		return { ...error, message: redactSecrets(error.message, [...settings.secrets, ...extraSecrets]) };
	}

	return async function call<T>(
		method: IHttpRequestMethods,
		path: string,
		{ qs, body }: GraphCallOptions = {},
		extraSecrets: Array<string | undefined> = [],
	): Promise<GraphResult<T>> {
		const multipart = body !== undefined && Buffer.isBuffer(body.body) ? (body as MultipartBody) : undefined;
		const request: IHttpRequestOptions = {
			method,
			baseURL: settings.baseUrl,
			url: path.startsWith('/') ? path : `/${path}`,
			qs,
			body: multipart ? multipart.body : body,
			...(multipart ? { headers: { 'Content-Type': multipart.contentType } } : {}),
			json: true,
			timeout: settings.timeoutMs,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		};
		let response: FullResponse;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(context, settings.credentialType, request)) as FullResponse;
		} catch (thrown) {
			return { ok: false, error: clean(graphErrorFromThrown(thrown), extraSecrets) };
		}
		const usage = readUsageHeaders(response.headers);
		if (usage) settings.onUsage?.(usage);
		const parsed = parseJson(response.body);
		if (response.statusCode >= 200 && response.statusCode < 300) {
			return { ok: true, status: response.statusCode, body: parsed as T };
		}
		return { ok: false, error: clean(graphErrorFromResponse(response.statusCode, parsed), extraSecrets) };
	};
}
