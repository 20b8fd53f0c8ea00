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
}

interface MetaErrorEnvelope {
	error?: {
		message?: unknown;
		type?: unknown;
		code?: unknown;
		error_subcode?: unknown;
		fbtrace_id?: unknown;
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

/** Reads Meta's error envelope (reference §4.5) from a response body, string or parsed. */
export function graphErrorFromResponse(httpStatus: number, body: unknown): GraphError {
	const parsed = parseJson(body) as MetaErrorEnvelope | string | undefined;
	const error = typeof parsed === 'object' && parsed !== null ? parsed.error : undefined;
	if (!error) {
		const text = typeof parsed === 'string' && parsed.trim() ? parsed.trim().slice(0, 300) : '';
		return { httpStatus, message: text || `Graph API answered HTTP ${httpStatus} without an error body` };
	}
	return {
		httpStatus,
		code: asNumber(error.code),
		subcode: asNumber(error.error_subcode),
		type: typeof error.type === 'string' ? error.type : undefined,
		message: typeof error.message === 'string' ? error.message : 'Graph API error',
		fbtraceId: typeof error.fbtrace_id === 'string' ? error.fbtrace_id : undefined,
	};
}

/**
 * A failure that threw instead of answering. n8n wraps it in a NodeApiError whose `cause` is
 * the axios error; an HTTP answer hidden inside (when a caller did not ignore status errors)
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
	};
	const response = error?.cause?.response ?? error?.response;
	if (response?.status) return graphErrorFromResponse(response.status, response.data);
	const networkCode = error?.cause?.code ?? error?.code;
	const message = error?.cause?.message ?? error?.message ?? 'The Graph API call failed';
	if (/timeout|timed out/i.test(message) && (!networkCode || networkCode === 'ECONNABORTED')) {
		return { message: 'No answer from the Graph API in time', networkCode: 'ETIMEDOUT' };
	}
	return { message, networkCode: typeof networkCode === 'string' ? networkCode : 'ENETWORK' };
}

/** Whether the failure leaves open that Meta sent the message anyway. */
export function mayHaveBeenDelivered(error: GraphError): boolean {
	if (error.unanswered) return true;
	if (error.httpStatus === undefined) {
		return error.networkCode !== 'ECONNREFUSED' && error.networkCode !== 'ENOTFOUND';
	}
	if (error.httpStatus >= 500) return true;
	// Meta: a batch may answer "Received invalid JSON reply" although the messages were sent.
	return error.code === 1 && error.subcode === 1357046;
}
