import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

/** n8n's own errors pass through as they are; anything else becomes a NodeOperationError for the item. */
export function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** The item that carries an error to the error output (or the main output) under continueOnFail. */
export function errorItemJson(error: NodeApiError | NodeOperationError): { error: string; description?: string } {
	return error.description ? { error: error.message, description: error.description } : { error: error.message };
}
