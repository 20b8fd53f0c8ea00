import { paidDeliveryFailedChange, paidReceiptChange } from '../../fixtures/paidWebhookEvents';
import type { EmulatorState } from '../emulatorState';
import type { InboundEvent, InboundEventKind } from '../inboundEvents';
import type { SubscriberRecord } from '../subscribers';
import { refund } from './ledger';
import type { PaidMessageRecord } from './paidMessages';

/**
 * The subscriber's Messenger reports on paid messages (docs/meta-platform.md §3.5): one webhook per message
 * under `marketing_message_deliveries`, `_reads` or `_clicks`, or `marketing_message_delivery_failed`
 * when Meta could not deliver it. Undocumented, strictest reading: a read reports the delivery first
 * when it was not reported, as for Page messages; a click comes alone, so receivers must not count
 * on a delivery or read before it; a delivered message cannot fail any more.
 */

export type PaidReceiptKind = 'delivery' | 'read' | 'click' | 'delivery_failed';

export interface PaidReceiptOptions {
	/** One message; without it, every message the kind applies to (a click or failure: the newest). */
	trackingId?: string;
	/** What the failure webhook says. */
	errorMessage?: string;
}

const DEFAULT_FAILURE = 'The message could not be delivered to this person.';

function push(state: EmulatorState, message: PaidMessageRecord, kind: InboundEventKind, messaging: Record<string, unknown>, at: number): InboundEvent {
	return state.events.push({ pageId: message.pageId, psid: message.psid, kind, at, messaging, inChanges: true });
}

function delivered(state: EmulatorState, message: PaidMessageRecord, at: number): InboundEvent {
	message.deliveredReportedAt = at;
	return push(state, message, 'marketing_message_delivery', paidReceiptChange('delivery', message, at), at);
}

/** The events the report produced; none when there was nothing to report. */
export function reportPaidReceipts(state: EmulatorState, subscriber: SubscriberRecord, kind: PaidReceiptKind, options: PaidReceiptOptions = {}): InboundEvent[] {
	const at = state.clock.now();
	const all = state.paid.messages.list({ pageId: subscriber.pageId, psid: subscriber.psid }).filter((message) => message.failedAt === null);
	const chosen = options.trackingId === undefined ? all : all.filter((message) => message.trackingId === options.trackingId);
	const newest = (candidates: PaidMessageRecord[]) => candidates.slice(-1);
	switch (kind) {
		case 'delivery':
			return chosen.filter((message) => message.deliveredReportedAt === null).map((message) => delivered(state, message, at));
		case 'read':
			return chosen
				.filter((message) => message.readReportedAt === null)
				.flatMap((message) => {
					const first = message.deliveredReportedAt === null ? [delivered(state, message, at)] : [];
					message.readReportedAt = at;
					return [...first, push(state, message, 'marketing_message_read', paidReceiptChange('read', message, at), at)];
				});
		case 'click':
			return newest(chosen.filter((message) => message.clickedReportedAt === null)).map((message) => {
				message.clickedReportedAt = at;
				return push(state, message, 'marketing_message_click', paidReceiptChange('click', message, at), at);
			});
		case 'delivery_failed':
			return newest(chosen.filter((message) => message.deliveredReportedAt === null)).map((message) => failed(state, message, at, options.errorMessage ?? DEFAULT_FAILURE));
	}
}

function failed(state: EmulatorState, message: PaidMessageRecord, at: number, errorMessage: string): InboundEvent {
	message.failedAt = at;
	message.failureMessage = errorMessage;
	const account = state.paid.adAccounts.get(message.adAccountId);
	const campaign = state.paid.campaigns.get(message.campaignId);
	if (account && campaign) refund(account, campaign, message.priceCents, message.at);
	return push(state, message, 'marketing_message_delivery_failed', paidDeliveryFailedChange(message, account?.businessId ?? '', at, errorMessage), at);
}
