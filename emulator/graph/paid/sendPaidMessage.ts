import { performance } from 'perf_hooks';

import { newMessageId, newTrackingId } from '../../core/ids';
import { paidApiError } from '../../fixtures/paidApiErrors';
import { paidSendSuccess } from '../../fixtures/paidApiResponses';
import type { EmulatorState } from '../../state/emulatorState';
import type { AdAccountRecord } from '../../state/paid/adAccounts';
import { charge } from '../../state/paid/ledger';
import type { PaidMessageRecord } from '../../state/paid/paidMessages';
import type { Identity } from '../auth';
import { jsonResponse, type GraphResponse } from '../graphCall';
import { GraphError } from '../graphError';
import { checkAdAccountStanding } from './accountRules';
import { requirePaidMessaging, requireSystemUser } from './adAccountAccess';
import { checkBudget } from './billing';
import { sendableCampaign } from './campaignRules';
import { resolvePaidRecipient } from './paidRecipient';
import { readPaidSendRequest } from './paidSendRequest';

/**
 * `POST /act_<id>/messages` (docs/meta-platform.md §3.4): the send rate limit, the request, the business
 * (region, terms, payment), the campaign, the money left, then the subscriber's rules; only when
 * all pass is the message delivered and billed, so a refused call changes nothing. Answers
 * `{ success: true, marketing_message_tracking_id }`.
 */
export function sendPaidMessage(state: EmulatorState, identity: Identity, account: AdAccountRecord, params: Record<string, unknown>): GraphResponse {
	requirePaidMessaging(requireSystemUser(identity));
	// Refused calls count too, as for the Page limit (undocumented: strictest reading).
	if (!state.paid.sendRateLimiter.tryCall(account.adAccountId, performance.now())) throw new GraphError(paidApiError(2300078));
	const injected = state.paid.takeInjectedError(account.adAccountId);
	if (injected !== undefined) throw new GraphError(paidApiError(injected));

	const request = readPaidSendRequest(params);
	checkAdAccountStanding(account);
	const now = state.clock.now();
	const campaign = sendableCampaign(state, account, request.campaignId, now);
	checkBudget(account, campaign, now);
	const { token, subscriber } = resolvePaidRecipient(state, campaign, request, now);

	const record: PaidMessageRecord = {
		trackingId: newTrackingId(),
		messageId: newMessageId(),
		campaignId: campaign.campaignId,
		adAccountId: account.adAccountId,
		pageId: subscriber.pageId,
		psid: subscriber.psid,
		token: token.token,
		appId: identity.app?.appId ?? state.directory.page(subscriber.pageId)?.appId ?? '',
		priceCents: account.pricePerMessageCents,
		at: now,
		deliveredReportedAt: null,
		readReportedAt: null,
		clickedReportedAt: null,
		failedAt: null,
		failureMessage: null,
	};
	charge(account, campaign, record.priceCents, now);
	state.paid.messages.add(record);
	state.deliveries.add({
		pageId: record.pageId,
		psid: record.psid,
		messageId: record.messageId,
		message: request.message,
		via: 'subscription_token',
		token: record.token,
		trackingId: record.trackingId,
		campaignId: record.campaignId,
		at: now,
	});
	return jsonResponse(200, paidSendSuccess(record.trackingId));
}
