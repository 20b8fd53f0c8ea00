import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { redactSecrets } from '../redact';
import { classifyGraphError } from './errorTable';
import {
	DEFAULT_TIMEOUT_MS,
	graphBaseUrl,
	graphCaller,
	type GraphCallerContext,
	type GraphCallOptions,
	type GraphResult,
	type UsageObserver,
} from './graphCaller';
import { graphErrorFromResponse, mayHaveBeenDelivered, parseJson, type GraphError } from './graphError';
import { DEFAULT_GRAPH_API_VERSION } from './graphVersions';
import {
	recipientKind,
	recipientSecret,
	sendRequestBatchItem,
	sendRequestBody,
	type SendRequest,
} from './sendRequest';
import type { SendOutcome } from './sendOutcome';

export type { GraphCallerContext, GraphResult } from './graphCaller';

export const PAGE_CREDENTIAL_TYPE = 'messengerOtnPageApi';

/** Meta accepts at most 50 requests in one batch (docs/meta-platform.md §4.7). */
export const MAX_BATCH_SIZE = 50;

export interface GraphClient {
	/** Where calls go, e.g. `https://graph.facebook.com/v25.0`. */
	readonly baseUrl: string;
	/** Any Graph call; `extraSecrets` (tokens the call carries besides the credential's) never reach its error. */
	call<T = IDataObject>(
		method: IHttpRequestMethods,
		path: string,
		options?: GraphCallOptions,
		extraSecrets?: Array<string | undefined>,
	): Promise<GraphResult<T>>;
	/** The id of the Page the credential's token belongs to (`GET /me?fields=id`). */
	credentialPageId(): Promise<GraphResult<string>>;
	sendMessage(request: SendRequest): Promise<SendOutcome>;
	/** Up to 50 messages in one Graph batch request, answered one outcome per message, in order. */
	sendBatch(requests: SendRequest[]): Promise<SendOutcome[]>;
}

export interface GraphClientOptions {
	timeoutMs?: number;
	/** Told the usage Meta reports on each answer (X-Business-Use-Case-Usage and the like). */
	onUsage?: UsageObserver;
}

/**
 * The Page's side of Meta: the Send API, batches and Page and app calls, with the Messenger OTN
 * Page API credential (Page token or app token, and appsecret_proof). Results are values, never
 * thrown, and carry no token (graphCaller.ts).
 */
export async function createGraphClient(
	context: GraphCallerContext,
	options: GraphClientOptions = {},
): Promise<GraphClient> {
	const credentials = await context.getCredentials(PAGE_CREDENTIAL_TYPE);
	const baseUrl = graphBaseUrl(credentials.graphHost, String(credentials.graphApiVersion || DEFAULT_GRAPH_API_VERSION));
	const secrets = [credentials.accessToken, credentials.appSecret].map((value) => (value ? String(value) : undefined));
	const call = graphCaller(context, {
		credentialType: PAGE_CREDENTIAL_TYPE,
		baseUrl,
		secrets,
		timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		onUsage: options.onUsage,
	});
	// A batch item's answer is read here, not by the caller: its token is kept out the same way.
	const clean = (error: GraphError, token: string | undefined): GraphError => ({
		...error,
		message: redactSecrets(error.message, [...secrets, token]),
	});

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
			return failed(request, clean(graphErrorFromResponse(code, body), tokens[index]));
		});
	}

	return {
		baseUrl,
		call,
		credentialPageId: async () => {
			const me = await call<{ id?: string }>('GET', '/me', { qs: { fields: 'id' } });
			return me.ok ? { ...me, body: String(me.body.id ?? '') } : me;
		},
		sendMessage,
		sendBatch,
	};
}
