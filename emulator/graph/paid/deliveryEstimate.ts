import { PAID_MESSAGE_MIN_GAP_MS } from '../../core/durations';
import { businessRegionSupported, subscriberRegionSupported } from '../../core/regions';
import { invalidParameter } from '../../fixtures/graphErrors';
import { deliveryEstimate } from '../../fixtures/paidApiResponses';
import type { EmulatorState } from '../../state/emulatorState';
import type { AdAccountRecord } from '../../state/paid/adAccounts';
import type { MarketingTokenRecord } from '../../state/tokens';
import type { Identity } from '../auth';
import { jsonResponse, type GraphCall, type GraphResponse } from '../graphCall';
import { GraphError } from '../graphError';
import { requirePermission, requireSystemUser } from './adAccountAccess';
import { requiredText } from './paidParams';

/**
 * `GET /act_<id>/message_delivery_estimate` (reference §3.4 names it; its parameters and answer are
 * undocumented). The emulator takes the `page_id` of a Page the account is linked to and counts
 * that Page's subscription tokens the paid API can reach (not stopped or expired, subscriber in a
 * supported region), and of those the ones a message could go to now.
 */
export function estimateDelivery(state: EmulatorState, identity: Identity, account: AdAccountRecord, call: GraphCall): GraphResponse {
	requirePermission(requireSystemUser(identity), ['ads_management', 'ads_read']);
	const pageId = requiredText(call.params, 'page_id');
	const page = state.directory.page(pageId);
	if (!page || !account.pageIds.includes(pageId)) throw new GraphError(invalidParameter(`Param page_id must be a Page connected to ad account act_${account.adAccountId}`));
	const now = state.clock.now();
	const reachable = businessRegionSupported(page.region)
		? state.tokens.listForPage(pageId).filter((token): token is MarketingTokenRecord => token.type === 'marketing' && reachableAtAll(state, token))
		: [];
	return jsonResponse(200, deliveryEstimate({ pageId, subscribers: reachable.length, reachableNow: reachable.filter((token) => reachableNow(state, token, now)).length }));
}

function reachableAtAll(state: EmulatorState, token: MarketingTokenRecord): boolean {
	const subscriber = state.subscribers.get(token.pageId, token.psid);
	return token.stoppedAt === null && token.expiredAt === null && subscriber !== undefined && subscriberRegionSupported(subscriber.region);
}

function reachableNow(state: EmulatorState, token: MarketingTokenRecord, now: number): boolean {
	const subscriber = state.subscribers.get(token.pageId, token.psid);
	const lastSent = state.paid.messages.lastSentAt(token.token);
	const cap = subscriber?.paid.frequencyCap;
	return subscriber?.paid.canReceive === true && (lastSent === undefined || now >= lastSent + PAID_MESSAGE_MIN_GAP_MS) && !(cap && now < cap.until);
}
