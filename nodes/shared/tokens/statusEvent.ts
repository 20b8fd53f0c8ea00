import { isPaidMessageEventType } from '../webhook/paidMessageEvents';
import { dateCell, idCell, textCell, tokenIdCell } from './rowCells';
import { checkRow, type Raw, type RowCheck, RowReader } from './rowProblem';
import { tokenIdOf } from './tokenId';
import { describeEventType } from './rowLabel';

/**
 * The events that change rows already stored: the trigger's stops, resumes, deliveries and reads,
 * the paid Marketing Message API's receipts (docs/meta-platform.md §3.5), and Request OTN's Unsubscribe.
 */
const STATUS_EVENT_TYPES = [
	'marketing_stop',
	'marketing_resume',
	'delivery',
	'read',
	'marketing_message_delivery',
	'marketing_message_read',
	'marketing_message_click',
	'marketing_message_delivery_failed',
	'marketing_unsubscribe',
] as const;
export type StatusEventType = (typeof STATUS_EVENT_TYPES)[number];

export interface StatusEvent {
	eventId: string | null;
	type: StatusEventType;
	pageId: string;
	/** Null where Meta names no subscriber: a failed paid delivery, an unsubscribe by token. */
	psid: string | null;
	/** When it happened (the event's timestamp): what deliveredAt, readAt, clickedAt and failedAt record. */
	at: string;
	/** The token a stop, resume, failed delivery or unsubscribe is about. */
	tokenId: string | null;
	/** The message ids a delivery names. */
	mids: string[];
	/** Delivery and read: every message sent at or before this time. */
	watermark: string | null;
	/** A paid message's `marketing_message_tracking_id`: the send log's and token row's messageId. */
	trackingId: string | null;
	/** The campaign a paid message went out under (Meta's `message_id`). */
	campaignId: string | null;
	/** Why a paid delivery failed, in Meta's words. */
	error: string | null;
}

function midsOf(read: RowReader, value: unknown): string[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value) || value.some((mid) => typeof mid !== 'string')) read.fail('mids', 'field "mids" is not a list of message ids');
	return value as string[];
}

/** What each type needs beyond the page and the time. */
function checkNeeds(read: RowReader, event: StatusEvent): void {
	const { type } = event;
	if ((type === 'marketing_stop' || type === 'marketing_resume') && event.tokenId === null) {
		read.fail('token', 'field "token" is empty: a stop or resume names the token it is about');
	}
	if (type === 'read' && event.watermark === null) read.fail('watermark', 'field "watermark" is empty');
	if (type === 'delivery' && event.mids.length === 0 && event.watermark === null) read.fail('mids', 'fields "mids" and "watermark" are both empty');
	if (type === 'marketing_message_delivery_failed' && event.tokenId === null) {
		read.fail('tokenId', 'field "tokenId" is empty: a failed paid delivery is matched by its token');
	}
	if ((type === 'marketing_message_delivery' || type === 'marketing_message_read') && event.trackingId === null) {
		read.fail('trackingId', 'field "trackingId" is empty: a paid delivery or read is matched by its tracking id');
	}
	if (type === 'marketing_message_click' && event.trackingId === null && event.tokenId === null) {
		read.fail('trackingId', 'fields "trackingId" and "tokenId" are both empty: a paid click is matched by its tracking id, or by its token and campaign');
	}
	if (type === 'marketing_unsubscribe' && event.psid === null && event.tokenId === null) {
		read.fail('psid', 'fields "psid" and "tokenId" are both empty: an unsubscribe names the person or their token');
	}
}

/**
 * When the event happened. Meta's message_deliveries reference prints no `timestamp`: a delivery
 * without one is dated by its watermark (everything sent up to it was delivered by then).
 */
function eventTime(read: RowReader, type: string): string {
	const timestamp = read.cell('timestamp', dateCell);
	if (timestamp !== null) return timestamp;
	const watermark = type === 'delivery' ? read.cell('watermark', dateCell) : null;
	return watermark ?? read.required('timestamp', dateCell);
}

/** A Messenger OTN Trigger item (or Request OTN's Unsubscribe item) as an event that changes stored rows. */
export function readStatusEvent(event: Raw): RowCheck<StatusEvent> {
	return checkRow(() => {
		const read: RowReader = new RowReader(event, event.token, 'field');
		const type = read.required('type', textCell);
		if (!(STATUS_EVENT_TYPES as readonly string[]).includes(type)) {
			read.fail('type', `it is ${describeEventType(type, event.token)}; Apply Event takes ${STATUS_EVENT_TYPES.join(', ')}`);
		}
		const token = read.cell('token', textCell);
		const named = type === 'marketing_unsubscribe' || isPaidMessageEventType(type);
		const parsed: StatusEvent = {
			eventId: read.cell('eventId', textCell),
			type: type as StatusEventType,
			pageId: read.required('pageId', idCell),
			// The Messenger events name the subscriber; the paid API's and the unsubscribe may not.
			psid: named ? read.cell('psid', idCell) : read.required('psid', idCell),
			at: eventTime(read, type),
			tokenId: read.cell('tokenId', tokenIdCell) ?? (token === null ? null : tokenIdOf(token)),
			mids: midsOf(read, event.mids),
			watermark: read.cell('watermark', dateCell),
			trackingId: read.cell('trackingId', textCell),
			campaignId: read.cell('campaignId', textCell),
			error: read.cell('error', textCell),
		};
		checkNeeds(read, parsed);
		return parsed;
	});
}
