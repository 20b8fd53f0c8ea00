import { objectParam, stringParam } from '../params';
import { fail } from './textRules';

/** The parts of a Send API call (docs/meta-platform.md §4.2), read from JSON or form parameters. */

export type RecipientTarget =
	| { via: 'psid'; psid: string }
	| { via: 'one_time_notif_token'; token: string }
	| { via: 'notification_messages_token'; token: string };

export interface SendRequest {
	recipient: RecipientTarget;
	message?: Record<string, unknown>;
	senderAction?: string;
	messagingType?: string;
	tag?: string;
}

const RECIPIENT_KEYS = ['id', 'one_time_notif_token', 'notification_messages_token'] as const;
const SENDER_ACTIONS = ['typing_on', 'typing_off', 'mark_seen'];
const NOTIFICATION_TYPES = ['REGULAR', 'SILENT_PUSH', 'NO_PUSH'];

export function readSendRequest(params: Record<string, unknown>): SendRequest {
	const recipientParam = objectParam(params, 'recipient');
	if (!recipientParam) fail('The parameter recipient is required');
	const recipient = readRecipient(recipientParam);
	const message = objectParam(params, 'message');
	const senderAction = stringParam(params, 'sender_action');
	if ((message === undefined) === (senderAction === undefined)) fail('Exactly one of message or sender_action is required');
	if (senderAction !== undefined && !SENDER_ACTIONS.includes(senderAction)) fail(`Param sender_action must be one of ${SENDER_ACTIONS.join(', ')}`);
	if (senderAction !== undefined && recipient.via !== 'psid') fail('Param sender_action needs recipient[id]');
	const notificationType = stringParam(params, 'notification_type');
	if (notificationType !== undefined && !NOTIFICATION_TYPES.includes(notificationType)) {
		fail(`Param notification_type must be one of ${NOTIFICATION_TYPES.join(', ')}`);
	}
	return { recipient, message, senderAction, messagingType: stringParam(params, 'messaging_type'), tag: stringParam(params, 'tag') };
}

/** Exactly one recipient key: a token send carries only the token (docs/meta-platform.md §1.5). */
function readRecipient(recipient: Record<string, unknown>): RecipientTarget {
	const keys = Object.keys(recipient);
	const key = keys[0] as (typeof RECIPIENT_KEYS)[number];
	if (keys.length !== 1 || !RECIPIENT_KEYS.includes(key)) {
		fail(`Param recipient must contain exactly one of ${RECIPIENT_KEYS.join(', ')}`);
	}
	const value = recipient[key];
	if (typeof value !== 'string' || value === '') fail(`Param recipient[${key}] must be a non-empty string`);
	if (key === 'id') return { via: 'psid', psid: value };
	return { via: key, token: value };
}
