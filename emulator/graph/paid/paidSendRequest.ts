import { invalidParameter } from '../../fixtures/graphErrors';
import { GraphError } from '../graphError';
import { objectParam } from '../params';
import { validateMessage } from '../send/messageRules';
import { length } from '../send/textRules';
import { optionalInteger, requiredText } from './paidParams';

/**
 * The body of `POST /act_<id>/messages` (docs/meta-platform.md §3.4): `message_id` (the message campaign's
 * id), `messenger_delivery_data.subscription_token`, `message`, and the optional
 * `min_conversation_gap_seconds`.
 */

export interface PaidSendRequest {
	campaignId: string;
	token: string;
	message: Record<string, unknown>;
	minConversationGapMs: number | null;
}

/** §3.4: a text message holds at most 640 characters. */
export const PAID_TEXT_MAX = 640;

function fail(detail: string): never {
	throw new GraphError(invalidParameter(detail));
}

export function readPaidSendRequest(params: Record<string, unknown>): PaidSendRequest {
	const campaignId = requiredText(params, 'message_id');
	const delivery = objectParam(params, 'messenger_delivery_data');
	const token = delivery?.subscription_token;
	if (typeof token !== 'string' || token === '') fail('Param messenger_delivery_data[subscription_token] is required');
	const message = objectParam(params, 'message');
	if (!message) fail('The parameter message is required');
	checkPaidMessage(message);
	const gapSeconds = optionalInteger(params, 'min_conversation_gap_seconds', 0);
	return { campaignId, token, message, minConversationGapMs: gapSeconds === undefined ? null : gapSeconds * 1000 };
}

/**
 * The Send API's message rules, then the paid API's own (§3.4): text of at most 640 characters, and
 * no opt-in request templates, which are not among the templates the paid API supports.
 */
function checkPaidMessage(message: Record<string, unknown>): void {
	const kind = validateMessage(message);
	if (kind === 'one_time_notif_req' || kind === 'notification_messages') fail(`Param message: the ${kind} template cannot be sent as a marketing message`);
	if (typeof message.text === 'string' && length(message.text) > PAID_TEXT_MAX) fail(`Param message[text] must be at most ${PAID_TEXT_MAX} characters`);
}
