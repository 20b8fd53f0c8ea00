import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

/** n8n's own errors pass through as they are; anything else becomes a NodeOperationError for the item. */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/**
 * The item that carries an error under continueOnFail. n8n routes an item to the error output
 * only when its json holds nothing but `error`, `message` and `details`.
 */
export function errorItemJson(error: NodeApiError | NodeOperationError): { error: string; details?: string } {
	return error.description ? { error: error.message, details: error.description } : { error: error.message };
}
