import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import { createGraphClient, type GraphClient, type GraphResult } from '../shared/graph/graphClient';
import { graphCallError } from '../shared/graph/graphNodeError';
import { asNodeError } from '../shared/nodeErrors';
import { subscribedFields } from './subscribedFields';
import { assertCanActivate, readTriggerSettings } from './triggerSettings';

interface AppSubscription {
	object?: string;
	callback_url?: string;
	fields?: Array<string | { name?: string }>;
}

function orThrow<T>(context: IHookFunctions, result: GraphResult<T>): T {
	if (result.ok) return result.body;
	throw graphCallError(context.getNode(), result.error);
}

async function pageSubscription(context: IHookFunctions, client: GraphClient, appId: string) {
	const body = orThrow(context, await client.call<{ data?: AppSubscription[] }>('GET', `/${appId}/subscriptions`));
	return (body.data ?? []).find((subscription) => subscription.object === 'page');
}

async function credentialPageId(context: IHookFunctions, client: GraphClient): Promise<string> {
	return orThrow(context, await client.credentialPageId());
}

/** The fields the picked events need (Meta's paid API fields only when picked). */
function wantedFields(context: IHookFunctions): string[] {
	return subscribedFields(context.getNodeParameter('events', []) as string[]);
}

function coversFields(subscription: AppSubscription, wanted: string[]): boolean {
	const names = new Set((subscription.fields ?? []).map((field) => (typeof field === 'string' ? field : field.name)));
	return wanted.every((field) => names.has(field));
}

/**
 * The app's webhook subscription and the Page's subscribed_apps, managed on activation as n8n's
 * own Meta triggers do. Meta keeps one callback URL per app: another URL already there is
 * reported, never silently replaced.
 */
export async function subscriptionExists(this: IHookFunctions): Promise<boolean> {
	const settings = await readTriggerSettings(this);
	assertCanActivate(this, settings);
	if (!settings.subscribeOnActivation) return true;
	const client = await createGraphClient(this);
	const webhookUrl = this.getNodeWebhookUrl('default');
	const existing = await pageSubscription(this, client, settings.appId);
	if (!existing) return false;
	if (existing.callback_url !== webhookUrl) {
		throw new NodeOperationError(
			this.getNode(),
			`The Meta app ${settings.appId} already sends its Page webhooks to ${existing.callback_url}`,
			{
				level: 'warning',
				description:
					"Meta allows one callback URL per app. Deactivate the workflow that uses that URL (or stop listening in the editor), or remove the Page subscription under Webhooks in Meta's App Dashboard, then activate this workflow again.",
			},
		);
	}
	const wanted = wantedFields(this);
	if (!coversFields(existing, wanted)) return false;
	const pageId = await credentialPageId(this, client);
	const apps = orThrow(
		this,
		await client.call<{ data?: Array<{ id?: string; subscribed_fields?: string[] }> }>('GET', `/${pageId}/subscribed_apps`),
	);
	const ours = (apps.data ?? []).find((app) => String(app.id) === settings.appId);
	return wanted.every((field) => ours?.subscribed_fields?.includes(field));
}

export async function createSubscription(this: IHookFunctions): Promise<boolean> {
	const settings = await readTriggerSettings(this);
	assertCanActivate(this, settings);
	if (!settings.subscribeOnActivation) return true;
	const client = await createGraphClient(this);
	const fields = wantedFields(this).join(',');
	const body: IDataObject = {
		object: 'page',
		callback_url: this.getNodeWebhookUrl('default'),
		fields,
		verify_token: settings.verifyToken,
		include_values: true,
	};
	try {
		orThrow(this, await client.call('POST', `/${settings.appId}/subscriptions`, { body }));
		const pageId = await credentialPageId(this, client);
		orThrow(
			this,
			await client.call('POST', `/${pageId}/subscribed_apps`, { body: { subscribed_fields: fields } }),
		);
	} catch (error) {
		this.logger.error(`Messenger OTN Trigger could not subscribe app ${settings.appId}: ${(error as Error).message}`);
		throw asNodeError(this.getNode(), error);
	}
	return true;
}

export async function deleteSubscription(this: IHookFunctions): Promise<boolean> {
	const settings = await readTriggerSettings(this);
	if (!settings.subscribeOnActivation || !settings.appId) return true;
	try {
		const client = await createGraphClient(this);
		const existing = await pageSubscription(this, client, settings.appId);
		// Another workflow's subscription is not ours to remove.
		if (existing && existing.callback_url === this.getNodeWebhookUrl('default')) {
			orThrow(this, await client.call('DELETE', `/${settings.appId}/subscriptions`, { qs: { object: 'page' } }));
			const pageId = await credentialPageId(this, client);
			orThrow(this, await client.call('DELETE', `/${pageId}/subscribed_apps`));
		}
		return true;
	} catch (error) {
		this.logger.error(
			`Messenger OTN Trigger could not remove the webhook subscription of app ${settings.appId}: ${(error as Error).message}`,
		);
		return false;
	}
}
