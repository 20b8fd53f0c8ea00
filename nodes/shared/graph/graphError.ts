/** One failed Graph call, as Meta (or the network) reported it. Never holds a token. */
export interface GraphError {
	/** HTTP status, absent when no answer arrived (network error, time-out). */
	httpStatus?: number;
	code?: number;
	subcode?: number;
	type?: string;
	/** Meta's message, or the network error's, with secrets removed. */
	message: string;
	fbtraceId?: string;
	/** Node's error code for failures without an answer (ECONNRESET, ETIMEDOUT, ...). */
	networkCode?: string;
	/** A batch item Meta left unanswered (`null` in the batch response). */
	unanswered?: boolean;
	/** Meta's words for the person (`error_user_title`, `error_user_msg`), where Meta gives them. */
	userTitle?: string;
	userMessage?: string;
}

interface MetaErrorEnvelope {
	error?: {
		message?: unknown;
		type?: unknown;
		code?: unknown;
		error_subcode?: unknown;
		fbtrace_id?: unknown;
		error_user_title?: unknown;
		error_user_msg?: unknown;
	};
}

function asNumber(value: unknown): number | undefined {
	const n = typeof value === 'string' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A body that may still be a JSON string (batch item bodies are). */
export function parseJson(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

function asText(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() ? value : undefined;
}

/** The start of a body that is not Meta's, for the error text: one line, no markup. */
function foreignBodyText(parsed: unknown): string {
	const text = typeof parsed === 'string' ? parsed : JSON.stringify(parsed ?? '');
	return text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
}

/**
 * Reads Meta's error envelope (Meta's "Handling errors" page: `error.message`, `type`, `code`,
 * `error_subcode`, `error_user_title`, `error_user_msg`, `fbtrace_id`) from a response body, string
 * or parsed. Only an `error` object with a numeric `code` is Meta's: any other body (a proxy's HTML
 * page, a firewall's JSON) comes back without a code, so nothing reads it as Meta's verdict.
 */
export function graphErrorFromResponse(httpStatus: number, body: unknown): GraphError {
	const parsed = parseJson(body) as MetaErrorEnvelope | string | undefined;
	const error = typeof parsed === 'object' && parsed !== null ? parsed.error : undefined;
	const code = typeof error === 'object' && error !== null ? asNumber(error.code) : undefined;
	if (!error || typeof error !== 'object' || code === undefined) {
		const text = foreignBodyText(parsed);
		return { httpStatus, message: text ? `HTTP ${httpStatus}: ${text}` : `Graph API answered HTTP ${httpStatus} without an error body` };
	}
	return {
		httpStatus,
		code,
		subcode: asNumber(error.error_subcode),
		type: asText(error.type),
		message: asText(error.message) ?? 'Graph API error',
		fbtraceId: asText(error.fbtrace_id),
		userTitle: asText(error.error_user_title),
		userMessage: asText(error.error_user_msg),
	};
}

/**
 * A failure that threw instead of answering. n8n wraps it in a NodeApiError whose `cause` (or
 * `errorResponse`) is the axios error; an HTTP answer hidden inside (when a caller did not ignore status errors)
 * is read as a response.
 */
export function graphErrorFromThrown(thrown: unknown): GraphError {
	const error = thrown as {
		message?: string;
		code?: string;
		httpCode?: string;
		cause?: { code?: string; message?: string; response?: { status?: number; data?: unknown } };
		context?: { data?: unknown };
		response?: { status?: number; data?: unknown };
		errorResponse?: { code?: unknown };
	};
	const response = error?.cause?.response ?? error?.response;
	if (response?.status) return graphErrorFromResponse(response.status, response.data);
	// n8n's NodeApiError keeps Node's code (ERR_INVALID_URL, ECONNREFUSED, …) in `errorResponse`.
	const networkCode = error?.cause?.code ?? error?.code ?? error?.errorResponse?.code;
	const message = error?.cause?.message ?? error?.message ?? 'The Graph API call failed';
	if (/timeout|timed out/i.test(message) && (!networkCode || networkCode === 'ECONNABORTED')) {
		return { message: 'No answer from the Graph API in time', networkCode: 'ETIMEDOUT' };
	}
	return { message, networkCode: typeof networkCode === 'string' ? networkCode : 'ENETWORK' };
}

/**
 * Node's codes for a request that cannot have left: the Graph Host or its certificate is wrong, or
 * nothing listens there. A configuration problem, and nothing can have been sent.
 */
const CONFIGURATION_NETWORK_CODES = new Set([
	'ERR_INVALID_URL',
	'ERR_INVALID_PROTOCOL',
	'ENOTFOUND',
	'ECONNREFUSED',
	'CERT_HAS_EXPIRED',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Whether the call failed before any request could reach a server, for a reason of configuration. */
export function isConfigurationNetworkError(error: GraphError): boolean {
	return error.httpStatus === undefined && CONFIGURATION_NETWORK_CODES.has(error.networkCode ?? '');
}

/** Whether the failure leaves open that Meta sent the message anyway. */
export function mayHaveBeenDelivered(error: GraphError): boolean {
	if (error.unanswered) return true;
	// A DNS look-up that failed for now (EAI_AGAIN) sent nothing either, but may work on a retry.
	if (error.httpStatus === undefined) return !isConfigurationNetworkError(error) && error.networkCode !== 'EAI_AGAIN';
	if (error.httpStatus >= 500) return true;
	// Meta: a batch may answer "Received invalid JSON reply" although the messages were sent.
	return error.code === 1 && error.subcode === 1357046;
}

/** Meta's own words and identifiers, kept so support can trace the call. */
export function describeGraphError(error: GraphError): string {
	// Meta writes error_user_title / error_user_msg for the person who has to act on the error.
	const forThePerson = [error.userTitle, error.userMessage].filter(Boolean).join(': ');
	const parts = [
		error.code !== undefined ? `code ${error.code}` : undefined,
		error.subcode !== undefined ? `subcode ${error.subcode}` : undefined,
		error.httpStatus !== undefined ? `HTTP ${error.httpStatus}` : error.networkCode,
		error.fbtraceId ? `fbtrace_id ${error.fbtraceId}` : undefined,
	].filter(Boolean);
	return `Meta: ${error.message} (${parts.join(', ')})${forThePerson ? `. ${forThePerson}` : ''}`;
}
