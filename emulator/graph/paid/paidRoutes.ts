import { unsupportedRequest } from '../../fixtures/graphErrors';
import { nonexistingField } from '../../fixtures/paidApiErrors';
import { adAccountNode, campaignNode, systemUserNode, UnknownField } from '../../fixtures/paidApiResponses';
import type { EmulatorState } from '../../state/emulatorState';
import type { Identity } from '../auth';
import { jsonResponse, type GraphCall, type GraphResponse } from '../graphCall';
import { GraphError } from '../graphError';
import { requirePage } from '../pageAccess';
import { requestedFields } from '../params';
import { isAdAccountPath, requireAdAccount, requirePaidMessaging, requirePermission, requireSystemUser } from './adAccountAccess';
import { createCampaign } from './createCampaign';
import { estimateDelivery } from './deliveryEstimate';
import { sendPaidMessage } from './sendPaidMessage';
import { unsubscribe } from './unsubscribe';

/**
 * The paid Marketing Message API's calls (docs/meta-platform.md §3): the ad-account edges, reads of an ad
 * account, a campaign or the system user, and the Page's unsubscribe edge. Undefined when the call
 * is none of them.
 */
export function routePaidCall(state: EmulatorState, identity: Identity, call: GraphCall, segments: string[]): GraphResponse | undefined {
	const [objectId, edge, action] = segments;
	if (segments.length === 3 && edge === 'messaging_customer_base' && action === 'unsubscribe' && call.method === 'POST') {
		return unsubscribe(state, requirePage(state, identity, call.method, objectId), call.params);
	}
	if (segments.length === 1 && call.method === 'GET') return readPaidNode(state, identity, call, objectId);
	if (segments.length !== 2 || !isAdAccountPath(objectId)) return undefined;
	const account = requireAdAccount(state, identity, call.method, objectId);
	if (edge === 'message_campaign' && call.method === 'POST') {
		requirePaidMessaging(requireSystemUser(identity));
		return createCampaign(state, account, call.params);
	}
	if (edge === 'messages' && call.method === 'POST') return sendPaidMessage(state, identity, account, call.params);
	if (edge === 'message_delivery_estimate' && call.method === 'GET') return estimateDelivery(state, identity, account, call);
	throw new GraphError(unsupportedRequest(call.method, objectId));
}

/** A node read; a field the node does not have is Graph's 100, as at Meta (strictest reading). */
function nodeAnswer(read: () => Record<string, unknown>): GraphResponse {
	try {
		return jsonResponse(200, read());
	} catch (error) {
		if (error instanceof UnknownField) throw new GraphError(nonexistingField(error.field, error.nodeType));
		throw error;
	}
}

/** `GET /act_<id>`, `GET /<campaign-id>` and `GET /me` for a system user; undefined for other nodes. */
function readPaidNode(state: EmulatorState, identity: Identity, call: GraphCall, objectId: string): GraphResponse | undefined {
	if (objectId === 'me' && identity.kind === 'systemUser') return nodeAnswer(() => systemUserNode(identity.systemUser, requestedFields(call.params)));
	if (isAdAccountPath(objectId)) {
		const account = requireAdAccount(state, identity, call.method, objectId);
		requirePermission(requireSystemUser(identity), ['ads_management', 'ads_read']);
		return nodeAnswer(() => adAccountNode(account, requestedFields(call.params)));
	}
	const campaign = state.paid.campaigns.get(objectId);
	if (!campaign) return undefined;
	// Another system user's campaign does not exist for this one (Meta's 100/33).
	const user = identity.kind === 'systemUser' ? identity.systemUser : undefined;
	if (!user?.adAccountIds.includes(campaign.adAccountId)) {
		if (!user) requireSystemUser(identity);
		throw new GraphError(unsupportedRequest(call.method, objectId));
	}
	requirePermission(user, ['ads_management', 'ads_read']);
	return nodeAnswer(() => campaignNode(campaign, state.clock.now(), requestedFields(call.params)));
}
