import { DEFAULT_GRAPH_VERSION } from '../config';
import { callbackVerificationFailed, unsupportedRequest } from '../fixtures/graphErrors';
import { appSubscriptionList, subscriptionSuccess } from '../fixtures/subscriptionResponses';
import { requireApp } from './appAccess';
import type { Identity } from './auth';
import { jsonResponse, type GraphCall, type GraphContext, type GraphResponse } from './graphCall';
import { GraphError } from './graphError';
import { booleanParam, callbackUrlParam, fieldListParam, pageObjectParam, requiredFieldList, requiredText } from './subscriptionParams';

/**
 * `GET/POST/DELETE /{app-id}/subscriptions` with the app token (docs/meta-platform.md §5.5). POST verifies the
 * callback URL first (§5.1); only a passed handshake changes the subscription. One callback URL per
 * app: a new one replaces the old one.
 */
export async function appSubscriptions(ctx: GraphContext, identity: Identity, call: GraphCall, pathId: string): Promise<GraphResponse> {
	const { state } = ctx;
	const app = requireApp(state, identity, call.method, pathId);
	if (call.method === 'GET') return jsonResponse(200, appSubscriptionList(state.subscriptions.app(app.appId)));

	if (call.method === 'DELETE') {
		pageObjectParam(call.params, false);
		state.subscriptions.unsubscribeApp(app.appId, fieldListParam(call.params, 'fields'));
		return jsonResponse(200, subscriptionSuccess());
	}

	if (call.method !== 'POST') throw new GraphError(unsupportedRequest(call.method, pathId));
	pageObjectParam(call.params, true);
	const callbackUrl = callbackUrlParam(call.params);
	const verifyToken = requiredText(call.params, 'verify_token');
	const fields = requiredFieldList(call.params, 'fields');
	const includeValues = booleanParam(call.params, 'include_values');
	const failure = await ctx.webhooks.verify(callbackUrl, verifyToken);
	if (failure !== undefined) throw new GraphError(callbackVerificationFailed(failure));
	state.subscriptions.subscribeApp(app.appId, { callbackUrl, verifyToken, includeValues, fields, version: call.version ?? DEFAULT_GRAPH_VERSION });
	return jsonResponse(200, subscriptionSuccess());
}
