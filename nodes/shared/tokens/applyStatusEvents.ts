import { deliveryFailureText } from './deliveryFailure';
import { dedupeRows, type IndexedRow, STATUS_RANK } from './dedupeRows';
import { eventKey, eventTargets, sentBy, type EventTargets } from './eventTargets';
import { compareText } from './ordering';
import { keyText, type RowUpdate, type UpdatedColumn } from './rowUpdate';
import type { StatusEvent } from './statusEvent';
import { isSendLogRow, type TrackedRow } from './trackedRow';

/** Delivered, read and clicked each imply what comes before them; a time once set stays. */
function receipt(row: TrackedRow, at: string, upTo: 'deliveredAt' | 'readAt' | 'clickedAt'): TrackedRow {
	const next = { ...row, deliveredAt: row.deliveredAt ?? at };
	if (upTo !== 'deliveredAt') next.readAt = row.readAt ?? at;
	if (upTo === 'clickedAt') next.clickedAt = row.clickedAt ?? at;
	return next;
}

/** The Messenger events: one subscriber's rows (docs/meta-platform.md §2.3, §5.2). */
function applyMessengerEvent(row: TrackedRow, event: StatusEvent): TrackedRow {
	if (row.psid !== event.psid) return row;
	switch (event.type) {
		case 'marketing_stop':
			// Meta stops one topic's token, not the subscriber: only that token's row.
			return row.tokenId === event.tokenId && row.status === 'available' ? { ...row, status: 'revoked' } : row;
		case 'marketing_resume':
			return row.tokenId === event.tokenId && row.status === 'revoked' ? { ...row, status: 'available', error: null } : row;
		case 'delivery': {
			const delivered = event.mids.length > 0 ? row.messageId !== null && event.mids.includes(row.messageId) : sentBy(row, event.watermark);
			return delivered && row.deliveredAt === null ? { ...row, deliveredAt: event.at } : row;
		}
		case 'read':
			// A message read was delivered, whether or not its delivery event came.
			return sentBy(row, event.watermark) && row.readAt === null ? receipt(row, event.at, 'readAt') : row;
		default:
			return row;
	}
}

/** One event on one row's current state; rows of other Pages, subscribers or messages stay as they are. */
function applyOneEvent(row: TrackedRow, event: StatusEvent, targets: EventTargets): TrackedRow {
	if (row.pageId !== event.pageId) return row;
	const tracked = event.trackingId !== null && row.messageId === event.trackingId;
	const targeted = targets.get(eventKey(event))?.has(keyText(row.key)) === true;
	switch (event.type) {
		// The paid API's receipts name the message by its tracking id, the send's messageId (§3.5).
		case 'marketing_message_delivery':
			return tracked ? receipt(row, event.at, 'deliveredAt') : row;
		case 'marketing_message_read':
			return tracked ? receipt(row, event.at, 'readAt') : row;
		case 'marketing_message_click':
			return tracked || targeted ? receipt(row, event.at, 'clickedAt') : row;
		case 'marketing_message_delivery_failed':
			if (!targeted || row.deliveredAt !== null) return row;
			return { ...row, error: deliveryFailureText(event.error), failedAt: isSendLogRow(row) ? (row.failedAt ?? event.at) : null };
		case 'marketing_unsubscribe':
			return targeted && row.status === 'available' ? { ...row, status: 'revoked' } : row;
		default:
			return applyMessengerEvent(row, event);
	}
}

/** What each kind of row can take: a token row has no failedAt, a send log row no status. */
const TOKEN_ROW_COLUMNS: UpdatedColumn[] = ['status', 'error', 'deliveredAt', 'readAt', 'clickedAt'];
const SEND_LOG_COLUMNS: UpdatedColumn[] = ['error', 'deliveredAt', 'readAt', 'clickedAt', 'failedAt'];

function changes(before: TrackedRow, after: TrackedRow): RowUpdate['set'] {
	const columns = isSendLogRow(before) ? SEND_LOG_COLUMNS : TOKEN_ROW_COLUMNS;
	return Object.fromEntries(columns.filter((column) => before[column] !== after[column]).map((column) => [column, after[column]]));
}

function trackedOutranks(candidate: TrackedRow, current: TrackedRow): boolean {
	const rank = (row: TrackedRow) => (row.status === null ? 0 : STATUS_RANK[row.status]);
	return (rank(candidate) - rank(current) || compareText(candidate.sentAt, current.sentAt)) > 0;
}

function distinctEvents(events: StatusEvent[]): StatusEvent[] {
	const byId = new Map(events.map((event) => [eventKey(event), event]));
	return [...byId.values()].sort((a, b) => compareText(a.at, b.at));
}

/**
 * What the store must write after stops, resumes, deliveries, reads, the paid API's receipts and
 * unsubscribes. Each row is given with the event of its input item; one row's events apply in the
 * order they happened (Meta does not deliver them in order), and each row appears once however
 * often the input holds it.
 */
export function applyStatusEvents(rows: Array<IndexedRow<TrackedRow>>, eventOfItem: (itemIndex: number) => StatusEvent): RowUpdate[] {
	const entries = dedupeRows(rows, (tracked) => keyText(tracked.key), trackedOutranks).map((entry) => ({
		...entry,
		events: distinctEvents(entry.itemIndexes.map(eventOfItem)),
	}));
	const targets = eventTargets(entries);
	const updates: RowUpdate[] = [];
	for (const { row, itemIndexes, events } of entries) {
		const after = events.reduce((current, event) => applyOneEvent(current, event, targets), row);
		const set = changes(row, after);
		if (Object.keys(set).length > 0) updates.push({ key: row.key, set, itemIndexes });
	}
	return updates;
}
