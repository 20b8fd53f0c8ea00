import type { IDataObject } from 'n8n-workflow';

import { tokenIdOf } from '../tokens/tokenId';
import { oneTimeTokenExpiresAt } from '../tokens/tokenRules';
import { eventIdOf } from './eventId';
import type { MessengerEventItem, MessengerEventType } from './messengerEvents';
import { asObject, textAsSent, type Raw } from './rawValues';
import { isoFromMetaTime } from './timestamps';


/** "STOP NOTIFICATIONS", "stop_notifications", "STOP" ... : Meta's wire spelling is unconfirmed. */
function marketingStatus(value: unknown): 'stop' | 'resume' | undefined {
	const normalised = String(value ?? '').toUpperCase().replace(/[\s-]+/g, '_');
	if (normalised.startsWith('STOP')) return 'stop';
	if (normalised.startsWith('RESUME')) return 'resume';
	return undefined;
}

/** Which event this is, by the key Meta puts on it (docs/meta-platform.md §1.4, §2.3, §5.2, §6). */
function typeOf(event: Raw): MessengerEventType | undefined {
	const optin = asObject(event.optin);
	if (optin) {
		if (optin.type === 'one_time_notif_req') return 'otn_optin';
		if (optin.type === 'notification_messages') {
			const status = marketingStatus(optin.notification_messages_status);
			return status === 'stop' ? 'marketing_stop' : status === 'resume' ? 'marketing_resume' : 'marketing_optin';
		}
		return undefined;
	}
	if (asObject(event.postback)) return 'postback';
	const message = asObject(event.message);
	if (message) {
		if (message.is_echo) return undefined;
		return asObject(message.quick_reply) ? 'quick_reply' : 'message';
	}
	if (asObject(event.delivery)) return 'delivery';
	if (asObject(event.read)) return 'read';
	if (asObject(event.referral)) return 'referral';
	return undefined;
}

type TypeFields = IDataObject | string;

function oneTimeOptIn(event: Raw, timestamp: string): TypeFields {
	const optin = asObject(event.optin)!;
	const token = textAsSent(optin.one_time_notif_token);
	if (!token) return 'The one-time notification opt-in carries no one_time_notif_token';
	return {
		tokenType: 'one_time',
		token,
		tokenId: tokenIdOf(token),
		topic: textAsSent(optin.payload),
		// Meta's opt-in webhook does not repeat the request's title.
		title: null,
		optedInAt: timestamp,
		expiresAt: oneTimeTokenExpiresAt(timestamp),
	};
}

function marketingEvent(event: Raw, timestamp: string): TypeFields {
	const optin = asObject(event.optin)!;
	const token = textAsSent(optin.notification_messages_token);
	if (!token) return 'The marketing messages event carries no notification_messages_token';
	return {
		tokenType: 'marketing',
		token,
		tokenId: tokenIdOf(token),
		topic: textAsSent(optin.payload),
		title: textAsSent(optin.title),
		timezone: textAsSent(optin.notification_messages_timezone),
		optedInAt: timestamp,
		expiresAt: isoFromMetaTime(optin.token_expiry_timestamp),
		userTokenStatus: textAsSent(optin.user_token_status),
		frequency: textAsSent(optin.notification_messages_frequency),
		notificationStatus: textAsSent(optin.notification_messages_status),
	};
}

function referralFields(referral: Raw | undefined): IDataObject | null {
	if (!referral) return null;
	return { ref: textAsSent(referral.ref), source: textAsSent(referral.source), referralType: textAsSent(referral.type) };
}

function typeFields(type: MessengerEventType, event: Raw, timestamp: string): TypeFields {
	switch (type) {
		case 'otn_optin':
			return oneTimeOptIn(event, timestamp);
		case 'marketing_optin':
		case 'marketing_stop':
		case 'marketing_resume':
			return marketingEvent(event, timestamp);
		case 'postback': {
			const postback = asObject(event.postback)!;
			return {
				mid: textAsSent(postback.mid),
				title: textAsSent(postback.title),
				payload: textAsSent(postback.payload),
				referral: referralFields(asObject(postback.referral)),
			};
		}
		case 'quick_reply':
		case 'message': {
			const message = asObject(event.message)!;
			const fields: IDataObject = {
				mid: textAsSent(message.mid),
				text: textAsSent(message.text),
				attachments: Array.isArray(message.attachments) ? (message.attachments as IDataObject[]) : [],
				referral: referralFields(asObject(message.referral)),
			};
			if (type === 'quick_reply') fields.payload = textAsSent(asObject(message.quick_reply)!.payload);
			return fields;
		}
		case 'delivery': {
			const delivery = asObject(event.delivery)!;
			return {
				mids: Array.isArray(delivery.mids) ? delivery.mids.map(String) : [],
				watermark: isoFromMetaTime(delivery.watermark),
			};
		}
		case 'read':
			return { watermark: isoFromMetaTime(asObject(event.read)!.watermark) };
		case 'referral':
			return referralFields(asObject(event.referral))!;
		default:
			// The paid API's receipts come as changes (normalizeChange.ts), never as messaging events.
			return `A ${type} event cannot come as a messaging event`;
	}
}

/**
 * Meta's message_deliveries reference prints no `timestamp` (only `delivery.watermark`, "always
 * present"): a delivery without one happened by its watermark at the latest, so that is its time.
 */
function deliveryWatermark(event: Raw | undefined): string | null {
	const delivery = asObject(event?.delivery);
	return delivery ? isoFromMetaTime(delivery.watermark) : null;
}

/**
 * One `messaging[]` event as a flat item, or null when it is of a kind the trigger does not put
 * out (echoes, plugin opt-ins). A malformed event becomes an `invalid` item with the reason.
 */
export function normalizeMessagingEvent(entryPageId: string, rawEvent: unknown): MessengerEventItem | null {
	const event = asObject(rawEvent);
	const raw = (event ?? { value: rawEvent }) as IDataObject;
	const pageId = textAsSent(asObject(event?.recipient)?.id) ?? entryPageId;
	const base = {
		eventId: eventIdOf(entryPageId, rawEvent),
		pageId: entryPageId || pageId,
		psid: textAsSent(asObject(event?.sender)?.id),
		timestamp: isoFromMetaTime(event?.timestamp) ?? deliveryWatermark(event),
		raw,
	};
	const invalid = (intendedType: MessengerEventType | 'unknown', error: string): MessengerEventItem => ({
		...base,
		type: 'invalid',
		intendedType,
		error,
	});

	if (!event) return invalid('unknown', 'The event is not an object');
	const type = typeOf(event);
	if (!type) return null;
	if (!base.psid) return invalid(type, 'The event has no sender.id (the subscriber PSID)');
	if (!base.timestamp) return invalid(type, 'The event has no valid timestamp');
	const fields = typeFields(type, event, base.timestamp);
	if (typeof fields === 'string') return invalid(type, fields);
	return { ...base, type, ...fields, raw };
}
