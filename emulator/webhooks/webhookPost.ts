import type { CallbackHttp, CallbackOutcome } from './callbackHttp';
import type { WebhookAttempt } from './deliveryLog';
import type { PendingDelivery } from './outbox';

/** One attempt of one body: the POST as Meta sends it (docs/meta-platform.md §5.2, §5.3), and its entry in the delivery log. */

export interface SentAttempt {
	/** Emulator clock when sent. */
	at: number;
	/** performance.now() when sent. */
	started: number;
	callbackUrl: string;
}

export function postWebhook(http: CallbackHttp, callbackUrl: string, delivery: PendingDelivery, timeoutMs: number): Promise<CallbackOutcome> {
	return http.call({
		method: 'POST',
		url: callbackUrl,
		headers: { 'Content-Type': 'application/json', 'User-Agent': 'facebookexternalua', 'X-Hub-Signature-256': delivery.signature },
		body: delivery.body,
		timeoutMs,
	});
}

/** Delivered means HTTP 200, fully answered in time (§5.4); anything else failed. */
export function isDelivered(outcome: CallbackOutcome): boolean {
	return outcome.kind === 'answered' && outcome.status === 200;
}

export function attemptRecord(delivery: PendingDelivery, outcome: CallbackOutcome, sent: SentAttempt, now: number): Omit<WebhookAttempt, 'id'> {
	const ok = isDelivered(outcome);
	return {
		deliveryId: delivery.id,
		appId: delivery.appId,
		callbackUrl: sent.callbackUrl,
		attempt: delivery.attempts,
		duplicate: delivery.delivered,
		at: sent.at,
		status: ok ? 'delivered' : 'failed',
		responseCode: outcome.kind === 'answered' ? outcome.status : null,
		...(ok ? {} : failureOf(outcome)),
		durationMs: Math.round(now - sent.started),
		eventIds: delivery.eventIds,
		pageIds: delivery.pageIds,
		fields: delivery.fields,
		body: delivery.body,
		signature: delivery.signature,
	};
}

function failureOf(outcome: CallbackOutcome): Pick<WebhookAttempt, 'failure' | 'error'> {
	if (outcome.kind === 'answered') return { failure: 'http_status', error: `HTTP ${outcome.status}` };
	if (outcome.kind === 'timeout') return { failure: 'timeout', error: 'no answer within the time-out' };
	return { failure: 'connection', error: outcome.message };
}
