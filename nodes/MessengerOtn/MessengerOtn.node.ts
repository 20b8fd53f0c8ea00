import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { createGraphClient, PAGE_CREDENTIAL_TYPE } from '../shared/graph/graphClient';
import { asNodeError, errorItemJson } from '../shared/nodeErrors';
import { sendMessageFields } from './resources/message/sendMessage.description';
import { sendMessage } from './resources/message/sendMessage.operation';

export class MessengerOtn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Request OTN',
		name: 'messengerOtn',
		icon: { light: 'file:../../icons/messenger-otn.svg', dark: 'file:../../icons/messenger-otn.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Reply to Messenger subscribers inside the 24-hour window and ask them for notification permission',
		defaults: { name: 'Request OTN' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: PAGE_CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Message', value: 'message' }],
				default: 'message',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['message'] } },
				options: [
					{
						name: 'Send Message',
						value: 'sendMessage',
						action: 'Send a message inside the 24 hour window',
						description: 'Send a text message to a subscriber who wrote to the Page in the last 24 hours',
					},
				],
				default: 'sendMessage',
			},
			...sendMessageFields,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const operation = this.getNodeParameter('operation', 0) as string;
		if (operation !== 'sendMessage') {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known`, {
				description: 'Choose an operation from the list.',
			});
		}
		const client = await createGraphClient(this);
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				output.push(await sendMessage.call(this, client, itemIndex));
			} catch (error) {
				const nodeError = asNodeError(this.getNode(), error, itemIndex);
				if (!this.continueOnFail()) throw nodeError;
				output.push({ json: errorItemJson(nodeError), pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}
}
