import type { EmulatorState } from '../state/emulatorState';
import type { WebhookDispatcher } from '../webhooks/webhookDispatcher';
import { WebhookSettingsError } from '../webhooks/webhookSettings';
import { badRequest, notFound } from './controlError';
import type { WebhookAppState, WebhookLogView } from './controlTypes';
import { route, type ControlRoute } from './controlRoute';

/** Webhook delivery: its settings, the delivery log, running what is due, subscription state. */

function appState(state: EmulatorState, webhooks: WebhookDispatcher, appId: string, onlyPageId?: string): WebhookAppState {
	const health = webhooks.health.get(appId);
	const pages = state.subscriptions.pagesOfApp(appId).filter((page) => onlyPageId === undefined || page.pageId === onlyPageId);
	return {
		appId,
		subscription: state.subscriptions.app(appId) ?? null,
		pages,
		failingSince: health.failingSince,
		alertedAt: health.alertedAt,
		disabledAt: health.disabledAt,
		pendingDeliveries: webhooks.pendingCount(appId),
	};
}

function appStates(state: EmulatorState, webhooks: WebhookDispatcher, query: URLSearchParams): WebhookAppState[] {
	const pageId = query.get('pageId') ?? undefined;
	let appIds = state.directory.list().map((app) => app.appId);
	const appId = query.get('appId');
	if (appId !== null) {
		if (!state.directory.app(appId)) throw notFound(`app ${appId} does not exist`);
		appIds = [appId];
	}
	if (pageId !== undefined) {
		const page = state.directory.page(pageId);
		if (!page) throw notFound(`page ${pageId} does not exist`);
		appIds = appIds.filter((id) => id === page.appId);
	}
	return appIds.map((id) => appState(state, webhooks, id, pageId));
}

export const webhookRoutes: ControlRoute[] = [
	route('GET', '/webhooks/settings', (_state, _request, webhooks) => webhooks.settings),

	// Partial: only the settings given change.
	route('PUT', '/webhooks/settings', (_state, { body }, webhooks) => {
		try {
			return webhooks.updateSettings(body);
		} catch (error) {
			if (error instanceof WebhookSettingsError) throw badRequest(error.message);
			throw error;
		}
	}),

	route('GET', '/webhooks/log', (state, { query }, webhooks): WebhookLogView => {
		const appId = query.get('appId') ?? undefined;
		const afterId = query.get('afterId');
		return {
			attempts: webhooks.log.listAttempts(appId, afterId === null ? 0 : Number(afterId)),
			alerts: webhooks.log.listAlerts(appId),
			apps: appStates(state, webhooks, query),
		};
	}),

	// Closes open batches, runs every due attempt (retries included) and waits for their answers.
	route('POST', '/webhooks/run-due', (_state, _request, webhooks) => webhooks.runDue()),

	route('GET', '/webhooks/subscriptions', (state, { query }, webhooks) => appStates(state, webhooks, query)),
];
