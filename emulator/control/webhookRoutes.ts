import type { EmulatorState } from '../state/emulatorState';
import { WebhookSettingsError } from '../webhooks/webhookSettings';
import { badRequest, notFound } from './controlError';
import type { WebhookAppState, WebhookLogView } from './controlTypes';
import { route, type ControlRoute } from './controlRoute';

/** Webhook delivery: its settings, the delivery log, running what is due, subscription state. */

function appState(state: EmulatorState, appId: string, onlyPageId?: string): WebhookAppState {
	const health = state.webhooks.health.get(appId);
	const pages = state.subscriptions.pagesOfApp(appId).filter((page) => onlyPageId === undefined || page.pageId === onlyPageId);
	return {
		appId,
		subscription: state.subscriptions.app(appId) ?? null,
		pages,
		failingSince: health.failingSince,
		alertedAt: health.alertedAt,
		disabledAt: health.disabledAt,
		pendingDeliveries: state.webhooks.pendingCount(appId),
	};
}

function appStates(state: EmulatorState, query: URLSearchParams): WebhookAppState[] {
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
	return appIds.map((id) => appState(state, id, pageId));
}

export const webhookRoutes: ControlRoute[] = [
	route('GET', '/webhooks/settings', (state) => state.webhooks.settings),

	// Partial: only the settings given change.
	route('PUT', '/webhooks/settings', (state, { body }) => {
		try {
			return state.webhooks.updateSettings(body);
		} catch (error) {
			if (error instanceof WebhookSettingsError) throw badRequest(error.message);
			throw error;
		}
	}),

	route('GET', '/webhooks/log', (state, { query }): WebhookLogView => {
		const appId = query.get('appId') ?? undefined;
		const afterId = query.get('afterId');
		return {
			attempts: state.webhooks.log.listAttempts(appId, afterId === null ? 0 : Number(afterId)),
			alerts: state.webhooks.log.listAlerts(appId),
			apps: appStates(state, query),
		};
	}),

	// Closes open batches, runs every due attempt (retries included) and waits for their answers.
	route('POST', '/webhooks/run-due', (state) => state.webhooks.runDue()),

	route('GET', '/webhooks/subscriptions', (state, { query }) => appStates(state, query)),
];
