import { newMessageId } from '../../core/ids';
import { senderActionSuccess, sendSuccess } from '../../fixtures/graphResponses';
import type { PageRecord } from '../../state/directory';
import type { EmulatorState } from '../../state/emulatorState';
import type { OptInTemplateType } from '../../state/subscribers';
import { jsonResponse, type GraphResponse } from '../graphCall';
import { checkSavedAttachment } from './attachmentUpload';
import { validateMessage, type MessageKind } from './messageRules';
import { checkMessagingType } from './messagingPolicy';
import { checkOptInRequest, recordOptInRequest } from './optInRequests';
import { resolveRecipient, type ResolvedRecipient } from './recipientResolution';
import { readSendRequest } from './sendRequest';
import { fail } from './textRules';

/**
 * `POST /me/messages` and `POST /{page-id}/messages` (docs/meta-platform.md §4.1–§4.4): checks the request,
 * then the recipient's rules, and only then delivers, so a refused call changes nothing.
 */
export function sendMessage(state: EmulatorState, page: PageRecord, params: Record<string, unknown>): GraphResponse {
	const request = readSendRequest(params);
	checkMessagingType(request);
	const optIn = request.message ? optInRequestOf(request.message, validateMessage(request.message)) : undefined;
	if (request.message) checkSavedAttachment(state, page, request.message);
	// Opt-in requests are ordinary messages inside the standard window (docs/meta-platform.md §1.3, §2.2).
	if (optIn && request.recipient.via !== 'psid') fail('Opt-in requests must be sent to recipient[id]');

	const now = state.clock.now();
	const recipient = resolveRecipient(state, page, request, now);
	const { subscriber } = recipient;
	if (!request.message) return jsonResponse(200, senderActionSuccess(subscriber.psid));
	if (optIn) checkOptInRequest(subscriber, optIn.type, optIn.payload, now);

	const messageId = newMessageId();
	deliver(state, recipient, request.message, messageId, now, params);
	if (optIn) recordOptInRequest(subscriber, optIn.type, optIn.payload, messageId, now);
	return jsonResponse(200, sendSuccess(messageId, recipient.via === 'psid' ? subscriber.psid : undefined));
}

/** The template payload of a validated opt-in request, if the message is one. */
function optInRequestOf(message: Record<string, unknown>, kind: MessageKind): { type: OptInTemplateType; payload: Record<string, unknown> } | undefined {
	if (kind !== 'one_time_notif_req' && kind !== 'notification_messages') return undefined;
	return { type: kind, payload: (message.attachment as { payload: Record<string, unknown> }).payload };
}

function deliver(
	state: EmulatorState,
	recipient: ResolvedRecipient,
	message: Record<string, unknown>,
	messageId: string,
	now: number,
	params: Record<string, unknown>,
): void {
	const { subscriber } = recipient;
	if (recipient.via === 'one_time_notif_token') {
		recipient.token.usedAt = now;
		recipient.token.messageId = messageId;
	} else if (recipient.via === 'notification_messages_token') {
		recipient.token.lastSentAt = now;
		recipient.token.nextEligibleAt = now + state.settings.marketingCooldownMs;
	}
	state.deliveries.add({
		pageId: subscriber.pageId,
		psid: subscriber.psid,
		messageId,
		message,
		via: recipient.via,
		...(recipient.via === 'psid' ? {} : { token: recipient.token.token }),
		...(typeof params.messaging_type === 'string' ? { messagingType: params.messaging_type } : {}),
		...(typeof params.tag === 'string' ? { tag: params.tag } : {}),
		at: now,
	});
}
