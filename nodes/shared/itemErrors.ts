import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { errorItemJson } from './nodeErrors';

/**
 * Problems with single input items. With "On Error: Continue" each becomes an error item paired
 * with its input (n8n moves it to the error output when that is on); otherwise the first one
 * stops the node.
 */
export class ItemErrors {
	readonly items: INodeExecutionData[] = [];

	constructor(private readonly context: IExecuteFunctions) {}

	report(itemIndex: number, message: string, description: string): void {
		const error = new NodeOperationError(this.context.getNode(), message, { itemIndex, description });
		if (!this.context.continueOnFail()) throw error;
		this.items.push({ json: errorItemJson(error), pairedItem: { item: itemIndex } });
	}
}
