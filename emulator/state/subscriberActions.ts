import { newMessageId } from '../core/ids';
import {
	marketingOptInEvent,
	marketingStatusEvent,
	messageEvent,
	oneTimeOptInEvent,
	postbackEvent,
	quickReplyEvent,
} from '../fixtures/inboundEvents';
import type { EmulatorState } from './emulatorState';
import type { InboundEvent } from './inboundEvents';
import type { SubscriberRecord } from './subscribers';
import type { IssueTokenInput, MarketingTokenRecord, TokenRecord } from './tokens';

/** What a simulated subscriber does, each recorded as an inbound event for the webhook side. */

export type SubscriberInteraction =
	| { kind: 'message'; text?: string }
	| { kind: 'quick_reply'; title?: string; payload: string }
	| { kind: 'postback'; title?: string; payload: string };

/** A message, quick reply or postback: opens the 24-hour window (docs/meta-platform.md §4.3, §6). */
export function subscriberInteracts(state: EmulatorState, subscriber: SubscriberRecord, interaction: SubscriberInteraction): InboundEvent {
	const at = state.clock.now();
	subscriber.lastUserActionAt = at;
	const { pageId, psid } = subscriber;
	const mid = newMessageId();
	const messaging =
		interaction.kind === 'message'
			? messageEvent(pageId, psid, at, mid, interaction.text ?? 'Hello')
			: interaction.kind === 'quick_reply'
				? quickReplyEvent(pageId, psid, at, mid, interaction.title ?? interaction.payload, interaction.payload)
				: postbackEvent(pageId, psid, at, mid, interaction.title ?? interaction.payload, interaction.payload);
	return state.events.push({ pageId, psid, kind: interaction.kind, at, messaging });
}

/**
 * The subscriber accepts an opt-in: the emulator issues the token and queues the opt-in webhook
 * event. Opting in does not open the standard window (docs/meta-platform.md §2.2 says so for marketing
 * messages; for one-time notifications §6 leaves it open, and the strictest reading is the same).
 */
export function subscriberOptsIn(state: EmulatorState, input: IssueTokenInput): { token: TokenRecord; event: InboundEvent } {
	const token = state.tokens.issue(input, state.clock.now());
	const messaging = token.type === 'one_time' ? oneTimeOptInEvent(token) : marketingOptInEvent(token, token.createdAt);
	const event = state.events.push({ pageId: token.pageId, psid: token.psid, kind: 'optin', at: token.createdAt, messaging });
	return { token, event };
}

/** "Stop these messages" / resume for one marketing token (docs/meta-platform.md §2.3). */
export function subscriberSetsMarketing(state: EmulatorState, token: MarketingTokenRecord, action: 'stop' | 'resume'): InboundEvent {
	const at = state.clock.now();
	token.stoppedAt = action === 'stop' ? at : null;
	const messaging = marketingStatusEvent(token, at, action === 'stop' ? 'STOP NOTIFICATIONS' : 'RESUME NOTIFICATIONS');
	return state.events.push({ pageId: token.pageId, psid: token.psid, kind: action === 'stop' ? 'marketing_stop' : 'marketing_resume', at, messaging });
}

/**
 * The subscriber taps Notify Me on the last opt-in request it received: a fresh token each tap,
 * with the request's payload and title (and timezone for marketing), and its messaging_optins
 * event (docs/meta-platform.md §1.4, §2.3). Undefined when no request was received.
 */
export function subscriberTapsNotifyMe(state: EmulatorState, subscriber: SubscriberRecord): { token: TokenRecord; event: InboundEvent } | undefined {
	const request = subscriber.lastOptInRequest;
	if (!request) return undefined;
	return subscriberOptsIn(state, {
		pageId: subscriber.pageId,
		psid: subscriber.psid,
		type: request.templateType === 'one_time_notif_req' ? 'one_time' : 'marketing',
		payload: request.payload,
		title: request.title,
		timezone: request.timezone,
	});
}
