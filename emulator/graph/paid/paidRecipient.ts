import { PAID_MESSAGE_MIN_GAP_MS } from '../../core/durations';
import { subscriberRegionSupported } from '../../core/regions';
import { paidApiError } from '../../fixtures/paidApiErrors';
import type { EmulatorState } from '../../state/emulatorState';
import type { CampaignRecord } from '../../state/paid/campaigns';
import type { SubscriberRecord } from '../../state/subscribers';
import type { MarketingTokenRecord } from '../../state/tokens';
import { GraphError } from '../graphError';
import type { PaidSendRequest } from './paidSendRequest';

/**
 * Whom a paid message reaches, after the subscriber's rules (docs/meta-platform.md §3.1, §3.4, §3.6). A token
 * acquired through a marketing messages opt-in is a subscription token (§3.1); one-time tokens are
 * not. The rules run in this order, the first that fails answers.
 */

export interface PaidRecipient {
	token: MarketingTokenRecord;
	subscriber: SubscriberRecord;
}

function refuse(code: number): never {
	throw new GraphError(paidApiError(code));
}

export function resolvePaidRecipient(state: EmulatorState, campaign: CampaignRecord, request: PaidSendRequest, now: number): PaidRecipient {
	const token = state.tokens.find(request.token);
	const subscriber = token ? state.subscribers.get(token.pageId, token.psid) : undefined;
	if (!token || token.type !== 'marketing' || !subscriber) return refuse(2300004);
	if (token.pageId !== campaign.pageId) refuse(2300005);
	if (token.expiredAt !== null) refuse(2300037);
	if (token.stoppedAt !== null) refuse(2300034);
	if (!subscriberRegionSupported(subscriber.region)) refuse(2300032);
	if (!subscriber.paid.canReceive) refuse(2300036);
	const lastSent = state.paid.messages.lastSentAt(token.token);
	if (lastSent !== undefined && now < lastSent + PAID_MESSAGE_MIN_GAP_MS) refuse(2300035);
	const cap = subscriber.paid.frequencyCap;
	if (cap && now < cap.until) refuse(cap.code);
	if (request.minConversationGapMs !== null && withinGap(state, subscriber, now, request.minConversationGapMs)) refuse(2300052);
	return { token, subscriber };
}

/**
 * §3.4: `min_conversation_gap_seconds` blocks the send when the thread had organic activity inside
 * the gap. Undocumented which activity counts; strictest reading: the subscriber's last message or
 * tap, and the Page's last message that was not a paid one.
 */
function withinGap(state: EmulatorState, subscriber: SubscriberRecord, now: number, gapMs: number): boolean {
	const organic = state.deliveries.list({ pageId: subscriber.pageId, psid: subscriber.psid }).filter((record) => record.via !== 'subscription_token');
	const times = [subscriber.lastUserActionAt ?? -Infinity, organic.length === 0 ? -Infinity : organic[organic.length - 1].at];
	return now - Math.max(...times) < gapMs;
}
