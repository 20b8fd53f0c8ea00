import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { ERROR_CLASS_EFFECTS } from './errorClasses';
import type { Classification } from './errorTable';
import type { GraphError } from './graphError';

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

/** The n8n error for a failed Graph call: what happened, how to fix it, and Meta's details. */
export function graphNodeError(
	node: INode,
	failure: { error: GraphError } & Classification,
	itemIndex?: number,
): NodeApiError {
	const { error, errorClass, meaning } = failure;
	const body: JsonObject = {
		message: error.message,
		code: error.code ?? null,
		error_subcode: error.subcode ?? null,
		type: error.type ?? null,
		fbtrace_id: error.fbtraceId ?? null,
		errorClass,
	};
	return new NodeApiError(node, body, {
		message: meaning,
		description: `${ERROR_CLASS_EFFECTS[errorClass].howToFix} ${describeGraphError(error)}`,
		httpCode: error.httpStatus !== undefined ? String(error.httpStatus) : undefined,
		itemIndex,
	});
}
