import { dateCell, idCell, textCell, tokenIdCell } from './rowCells';
import { checkRow, type Raw, type RowCheck, RowReader } from './rowProblem';
import { tokenIdOf } from './tokenId';

/** The trigger's events that change rows already stored. */
export const STATUS_EVENT_TYPES = ['marketing_stop', 'marketing_resume', 'delivery', 'read'] as const;
export type StatusEventType = (typeof STATUS_EVENT_TYPES)[number];

export interface StatusEvent {
	eventId: string | null;
	type: StatusEventType;
	pageId: string;
	psid: string;
	/** When it happened (the event's timestamp): what deliveredAt and readAt record. */
	at: string;
	/** The token a stop or resume is about. */
	tokenId: string | null;
	/** The message ids a delivery names. */
	mids: string[];
	/** Delivery and read: every message sent at or before this time. */
	watermark: string | null;
}

function midsOf(read: RowReader, value: unknown): string[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value) || value.some((mid) => typeof mid !== 'string')) read.fail('mids', 'field "mids" is not a list of message ids');
	return value as string[];
}

/** A Messenger OTN Trigger item as an event that changes stored rows. */
export function readStatusEvent(event: Raw): RowCheck<StatusEvent> {
	return checkRow(() => {
		const read: RowReader = new RowReader(event, event.token, 'field');
		const type = read.required('type', textCell);
		if (!(STATUS_EVENT_TYPES as readonly string[]).includes(type)) {
			read.fail('type', `it is a "${type}" event; Apply Event takes ${STATUS_EVENT_TYPES.join(', ')}`);
		}
		const token = read.cell('token', textCell);
		const tokenId = read.cell('tokenId', tokenIdCell) ?? (token === null ? null : tokenIdOf(token));
		const parsed: StatusEvent = {
			eventId: read.cell('eventId', textCell),
			type: type as StatusEventType,
			pageId: read.required('pageId', idCell),
			psid: read.required('psid', idCell),
			at: read.required('timestamp', dateCell),
			tokenId,
			mids: midsOf(read, event.mids),
			watermark: read.cell('watermark', dateCell),
		};
		if ((type === 'marketing_stop' || type === 'marketing_resume') && tokenId === null) {
			read.fail('token', 'field "token" is empty: a stop or resume names the token it is about');
		}
		if (type === 'read' && parsed.watermark === null) read.fail('watermark', 'field "watermark" is empty');
		if (type === 'delivery' && parsed.mids.length === 0 && parsed.watermark === null) {
			read.fail('mids', 'fields "mids" and "watermark" are both empty');
		}
		return parsed;
	});
}
