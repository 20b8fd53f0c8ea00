import { NodeOperationError, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';

import { PAGE_CREDENTIAL_TYPE } from '../shared/graph/graphClient';
import { expectedVerifyToken } from '../shared/webhook/verifyToken';

/** What the trigger needs from its credential and parameters, read the same way everywhere. */
export interface TriggerSettings {
	appId: string;
	appSecret: string;
	verifyToken: string;
	subscribeOnActivation: boolean;
}

export async function readTriggerSettings(context: IHookFunctions | IWebhookFunctions): Promise<TriggerSettings> {
	const credentials = await context.getCredentials(PAGE_CREDENTIAL_TYPE);
	const appSecret = String(credentials.appSecret ?? '').trim();
	const appId = String(credentials.appId ?? '').trim();
	const configuredToken = String(context.getNodeParameter('verifyToken', '') ?? '');
	const webhookId = context.getNode().webhookId ?? context.getNode().id;
	return {
		appId,
		appSecret,
		verifyToken: appSecret || configuredToken ? expectedVerifyToken(configuredToken, appSecret, webhookId) : '',
		subscribeOnActivation: context.getNodeParameter('subscribeOnActivation', true) as boolean,
	};
}

/** Activation needs the App secret (signatures are always checked) and, to subscribe, the App ID. */
export function assertCanActivate(context: IHookFunctions, settings: TriggerSettings): void {
	if (!settings.appSecret) {
		throw new NodeOperationError(context.getNode(), 'The credential has no App Secret', {
			description:
				"The trigger checks Meta's signature on every webhook with the App Secret. Add it to the Messenger OTN Page API credential (App settings, Basic, in Meta's App Dashboard).",
		});
	}
	if (settings.subscribeOnActivation && !settings.appId) {
		throw new NodeOperationError(context.getNode(), 'The credential has no App ID', {
			description:
				"Subscribing on activation manages the app's webhook subscription. Add the App ID to the credential, or turn off Subscribe on Activation and subscribe in Meta's App Dashboard.",
		});
	}
	if (!settings.subscribeOnActivation && !String(context.getNodeParameter('verifyToken', '')).trim()) {
		throw new NodeOperationError(context.getNode(), 'Set a Verify Token', {
			description:
				"You subscribe in Meta's App Dashboard by hand, so Meta needs a verify token you know: type the same value in the trigger's Verify Token and in the dashboard.",
		});
	}
}
