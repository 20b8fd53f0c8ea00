import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { ERROR_CLASS_EFFECTS } from './errorClasses';
import { classifyGraphError, type Classification, type RecipientKind } from './errorTable';
import { describeGraphError, type GraphError } from './graphError';

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

/** The n8n error for a failed Graph call that sends nothing: classified by the one error table. */
export function graphCallError(node: INode, error: GraphError, itemIndex?: number, kind: RecipientKind = 'none'): NodeApiError {
	return graphNodeError(node, { error, ...classifyGraphError(error, kind) }, itemIndex);
}
