import { unsupportedRequest } from '../fixtures/graphErrors';
import { subscribedAppsList, subscriptionSuccess } from '../fixtures/subscriptionResponses';
import type { EmulatorState } from '../state/emulatorState';
import type { Identity } from './auth';
import { jsonResponse, type GraphCall, type GraphResponse } from './graphCall';
import { GraphError } from './graphError';
import { requirePage } from './pageAccess';
import { requiredFieldList } from './subscriptionParams';

/**
 * `GET/POST/DELETE /{page-id}/subscribed_apps` with that Page's token (docs/meta-platform.md §5.5): the token's
 * app subscribes to the Page for `subscribed_fields`. A POST sets the whole list (strictest
 * reading: fields left out are no longer subscribed).
 */
export function pageSubscribedApps(state: EmulatorState, identity: Identity, call: GraphCall, pathId: string): GraphResponse {
	const page = requirePage(state, identity, call.method, pathId);
	if (call.method === 'GET') return jsonResponse(200, subscribedAppsList(state.subscriptions.pageApps(page.pageId)));
	if (call.method === 'POST') {
		state.subscriptions.subscribePage(page.pageId, page.appId, requiredFieldList(call.params, 'subscribed_fields'));
		return jsonResponse(200, subscriptionSuccess());
	}
	if (call.method === 'DELETE') {
		state.subscriptions.unsubscribePage(page.pageId, page.appId);
		return jsonResponse(200, subscriptionSuccess());
	}
	throw new GraphError(unsupportedRequest(call.method, pathId));
}
