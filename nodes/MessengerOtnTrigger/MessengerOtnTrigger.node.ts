import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { PAGE_CREDENTIAL_TYPE } from '../shared/graph/graphClient';
import { handleWebhook } from './handleWebhook';
import { triggerProperties } from './triggerDescription';
import { createSubscription, deleteSubscription, subscriptionExists } from './webhookSubscription';

export class MessengerOtnTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Messenger OTN Trigger',
		name: 'messengerOtnTrigger',
		icon: { light: 'file:../../icons/messenger-otn.svg', dark: 'file:../../icons/messenger-otn.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on verified Messenger webhooks: opt-in tokens, messages, postbacks, deliveries and reads, and the receipts of paid marketing messages',
		defaults: { name: 'Messenger OTN Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: PAGE_CREDENTIAL_TYPE, required: true }],
		// Newer n8n versions redact these output fields in stored executions (2.40 does not yet);
		// `raw` never carries the token (rawWithoutTokens.ts).
		sensitiveOutputFields: ['token'],
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	// Under the handshake's webhook: n8n runs these after registering that webhook, so Meta's
	// verification GET, which arrives while create() waits for Meta's answer, finds its route.
	webhookMethods = {
		setup: {
			checkExists(this: IHookFunctions): Promise<boolean> {
				return subscriptionExists.call(this);
			},
			create(this: IHookFunctions): Promise<boolean> {
				return createSubscription.call(this);
			},
			delete(this: IHookFunctions): Promise<boolean> {
				return deleteSubscription.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return handleWebhook.call(this);
	}
}
