import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { PAGE_CREDENTIAL_TYPE } from '../shared/graph/graphClient';
import { MARKETING_CREDENTIAL_TYPE } from '../shared/graph/marketingClient';
import { searchCampaigns } from '../shared/listSearch/searchCampaigns';
import { searchPages } from '../shared/listSearch/searchPages';
import { asNodeError, errorItemJson } from '../shared/nodeErrors';
import { operationRunner } from './operations';
import { marketingCampaignDescription } from './resources/marketingCampaign';
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
		subtitle:
			// The operation as the editor lists it, not its internal value.
			'={{ ({"sendMessage":"Send Message","requestOneTimeNotification":"Request One-Time Notification","requestMarketingOptIn":"Request Marketing Messages Opt-In","getAll":"Get Many Marketing Tokens","unsubscribe":"Unsubscribe","create":"Create Campaign","get":"Get Campaign","estimateDelivery":"Estimate Delivery"})[$parameter["operation"]] || $parameter["operation"] }}',
		description:
			"Messenger for a Facebook Page: ask a subscriber for one-time notification or marketing messages permission, reply inside the 24-hour window with text, buttons, quick replies, an image, a file or cards, list or unsubscribe the Page's marketing tokens, and create paid marketing message campaigns",
		defaults: { name: 'Request OTN' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// The paid Marketing Message API's campaigns use the ad account's credential, everything else the Page's.
		credentials: [
			{ name: PAGE_CREDENTIAL_TYPE, required: true, displayOptions: { hide: { resource: ['marketingCampaign'] } } },
			{ name: MARKETING_CREDENTIAL_TYPE, required: true, displayOptions: { show: { resource: ['marketingCampaign'] } } },
		],
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
					{ name: 'Marketing Campaign', value: 'marketingCampaign' },
					{ name: 'Marketing Token', value: 'marketingToken' },
					{ name: 'Message', value: 'message' },
					{ name: 'Opt-In Request', value: 'optInRequest' },
				],
				default: 'optInRequest',
			},
			...optInRequestDescription,
			...messageDescription,
			...marketingTokenDescription,
			...marketingCampaignDescription,
		],
	};

	methods = { listSearch: { searchCampaigns, searchPages } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const run = await operationRunner(this, resource, operation);
		if (!run) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not known`, {
				description: 'Choose a resource and an operation from the lists.',
			});
		}
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				output.push(...(await run(itemIndex)));
			} catch (error) {
				const nodeError = asNodeError(this.getNode(), error, itemIndex);
				if (!this.continueOnFail()) throw nodeError;
				output.push({ json: errorItemJson(nodeError), pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}
}
