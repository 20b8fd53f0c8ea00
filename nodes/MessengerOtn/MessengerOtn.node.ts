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
import { OPERATIONS } from './operations';
import { marketingTokenDescription } from './resources/marketingToken';
import { messageDescription } from './resources/message';
import { optInRequestDescription } from './resources/optInRequest';

export class MessengerOtn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Request OTN',
		name: 'messengerOtn',
		icon: { light: 'file:../../icons/messenger-otn.svg', dark: 'file:../../icons/messenger-otn.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			"Messenger for a Facebook Page: ask a subscriber for one-time notification or marketing messages permission, reply inside the 24-hour window with text, buttons, quick replies, an image, a file or cards, and list the Page's marketing tokens",
		defaults: { name: 'Request OTN' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: PAGE_CREDENTIAL_TYPE, required: true }],
		// Marketing tokens are permissions to message a person. Newer n8n versions redact these output
		// fields in stored executions (2.40 does not yet).
		sensitiveOutputFields: ['token'],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Marketing Token', value: 'marketingToken' },
					{ name: 'Message', value: 'message' },
					{ name: 'Opt-In Request', value: 'optInRequest' },
				],
				default: 'optInRequest',
			},
			...optInRequestDescription,
			...messageDescription,
			...marketingTokenDescription,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const run = OPERATIONS[resource]?.[operation];
		if (!run) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not known`, {
				description: 'Choose a resource and an operation from the lists.',
			});
		}
		const client = await createGraphClient(this);
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				output.push(...(await run.call(this, client, itemIndex)));
			} catch (error) {
				const nodeError = asNodeError(this.getNode(), error, itemIndex);
				if (!this.continueOnFail()) throw nodeError;
				output.push({ json: errorItemJson(nodeError), pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}
}
