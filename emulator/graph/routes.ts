import { unsupportedRequest } from '../fixtures/graphErrors';
import { nodeProfile } from '../fixtures/graphResponses';
import { appSubscriptions } from './appSubscriptions';
import type { Identity } from './auth';
import { jsonResponse, type GraphCall, type GraphContext, type GraphResponse } from './graphCall';
import { GraphError } from './graphError';
import { requirePage } from './pageAccess';
import { pageSubscribedApps } from './pageSubscribedApps';
import { isAdAccountPath } from './paid/adAccountAccess';
import { listCampaigns } from './paid/listCampaigns';
import { routePaidCall } from './paid/paidRoutes';
import { systemUserPages } from './paid/systemUserPages';
import { objectParam, requestedFields } from './params';
import { uploadAttachment } from './send/attachmentUpload';
import { sendMessage } from './send/sendMessage';
import { listMarketingTokens } from './tokenListing';
import { readUserProfile } from './userProfile';

/** The Graph subset: one authenticated call in, one response out (batch is handled around it). */

export function isSendCall(call: GraphCall): boolean {
	return call.method === 'POST' && /^\/[^/]+\/messages\/?$/.test(call.path);
}

/** Audio and video sends have their own, tighter limit (docs/meta-platform.md §4.6). */
export function isMediaSend(call: GraphCall): boolean {
	if (!isSendCall(call)) return false;
	try {
		const message = objectParam(call.params, 'message');
		const type = (message?.attachment as Record<string, unknown> | undefined)?.type;
		return type === 'audio' || type === 'video';
	} catch {
		return false;
	}
}

/** Most calls answer at once; subscribing an app waits for the callback's verification GET. */
export function routeGraphCall(ctx: GraphContext, identity: Identity, call: GraphCall): GraphResponse | Promise<GraphResponse> {
	const segments = call.path.split('/').filter((segment) => segment !== '');
	const [objectId, edge] = segments;
	const { state } = ctx;
	if (segments.length === 2 && edge === 'campaigns' && call.method === 'GET' && isAdAccountPath(objectId)) return listCampaigns(ctx, identity, call, objectId);
	if (segments.length === 2 && objectId === 'me' && edge === 'accounts' && call.method === 'GET' && identity.kind === 'systemUser') return systemUserPages(ctx, identity, call);
	const paid = routePaidCall(state, identity, call, segments);
	if (paid) return paid;
	if (segments.length === 2 && edge === 'messages' && call.method === 'POST') {
		return sendMessage(state, requirePage(state, identity, call.method, objectId), call.params);
	}
	if (segments.length === 2 && edge === 'message_attachments' && call.method === 'POST') {
		return uploadAttachment(state, requirePage(state, identity, call.method, objectId), call.params);
	}
	if (segments.length === 2 && edge === 'notification_message_tokens' && call.method === 'GET') {
		return listMarketingTokens(ctx, requirePage(state, identity, call.method, objectId), call);
	}
	if (segments.length === 2 && edge === 'subscriptions') return appSubscriptions(ctx, identity, call, objectId);
	if (segments.length === 2 && edge === 'subscribed_apps') return pageSubscribedApps(state, identity, call, objectId);
	if (segments.length === 1 && call.method === 'GET') return readNode(ctx, identity, call, objectId);
	throw new GraphError(unsupportedRequest(call.method, objectId ?? ''));
}

/** `GET /me` answers the token's Page, or the app for an app token; `GET /{page-id}` the Page; `GET /{psid}` the subscriber's profile. */
function readNode(ctx: GraphContext, identity: Identity, call: GraphCall, objectId: string): GraphResponse {
	const fields = requestedFields(call.params);
	if (objectId === 'me' && identity.kind === 'app') return jsonResponse(200, nodeProfile(identity.app.appId, `App ${identity.app.appId}`, fields));
	// A PSID is page-scoped: only the Page's own token finds its subscriber (another id is 100/33 below).
	const subscriber = identity.kind === 'page' ? ctx.state.subscribers.get(identity.page.pageId, objectId) : undefined;
	if (subscriber && identity.kind === 'page') return readUserProfile(identity.page, subscriber, call);
	const page = requirePage(ctx.state, identity, call.method, objectId);
	return jsonResponse(200, nodeProfile(page.pageId, page.name, fields));
}
