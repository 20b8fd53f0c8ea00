import { HUMAN_AGENT_WINDOW_MS, STANDARD_WINDOW_MS } from '../../core/durations';
import { outsideAllowedWindow, retiredTag } from '../../fixtures/graphErrors';
import type { SubscriberRecord } from '../../state/subscribers';
import { GraphError } from '../graphError';
import type { SendRequest } from './sendRequest';
import { fail } from './textRules';

/** messaging_type, tags and the windows they open (docs/meta-platform.md §4.2, §4.3). */

const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'];
const TAGS = ['ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'CUSTOMER_FEEDBACK', 'HUMAN_AGENT'];
/** Refused with 100 from Apr 27 2026 (§4.3). */
const RETIRED_TAGS = ['ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE'];

/**
 * Checks that need no subscriber. messaging_type is required for PSID messages (§4.2 marks it
 * required) and optional for token sends (Meta's samples omit it, §1.5, §2.4).
 */
export function checkMessagingType(request: SendRequest): void {
	const { messagingType, tag } = request;
	if (messagingType !== undefined && !MESSAGING_TYPES.includes(messagingType)) {
		fail(`Param messaging_type must be one of ${MESSAGING_TYPES.join(', ')}`);
	}
	if (messagingType === undefined && request.recipient.via === 'psid' && request.message !== undefined) {
		fail('Param messaging_type is required');
	}
	if (messagingType !== 'MESSAGE_TAG') {
		if (tag !== undefined) fail('Param tag is only allowed with messaging_type MESSAGE_TAG');
		return;
	}
	if (tag === undefined) fail('Param tag is required when messaging_type is MESSAGE_TAG');
	if (!TAGS.includes(tag)) fail(`Param tag must be one of ${TAGS.join(', ')}`);
	if (RETIRED_TAGS.includes(tag)) throw new GraphError(retiredTag(tag));
}

/**
 * A PSID message needs the subscriber's last message, postback or quick reply to be recent:
 * 24 hours, or 7 days with HUMAN_AGENT. CUSTOMER_FEEDBACK gets no window of its own (the
 * Send API reference lists the tag without one; strictest reading: the standard 24 hours).
 */
export function checkWindow(subscriber: SubscriberRecord, request: SendRequest, now: number): void {
	const windowMs = request.tag === 'HUMAN_AGENT' ? HUMAN_AGENT_WINDOW_MS : STANDARD_WINDOW_MS;
	const last = subscriber.lastUserActionAt;
	if (last === null || now - last >= windowMs) throw new GraphError(outsideAllowedWindow());
}
