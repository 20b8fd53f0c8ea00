import { dedupeRows, type IndexedRow, STATUS_RANK } from './dedupeRows';
import { compareText } from './ordering';
import { keyText, type RowUpdate, type UpdatedColumn } from './rowUpdate';
import type { StatusEvent } from './statusEvent';
import type { TrackedRow } from './trackedRow';

/**
 * A row's lastSentAt is n8n's clock when Meta answered the send; a watermark is Meta's clock for
 * the message. This much slack covers the round trip and the drift between the two clocks.
 */
const WATERMARK_SLACK_MS = 5_000;

function sentBy(row: TrackedRow, watermark: string | null): boolean {
	return row.sentAt !== null && watermark !== null && Date.parse(row.sentAt) <= Date.parse(watermark) + WATERMARK_SLACK_MS;
}

/** One event on one row's current state; rows of other subscribers or Pages stay as they are. */
function applyEvent(row: TrackedRow, event: StatusEvent): TrackedRow {
	if (row.pageId !== event.pageId || row.psid !== event.psid) return row;
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
			return sentBy(row, event.watermark) && row.readAt === null
				? { ...row, readAt: event.at, deliveredAt: row.deliveredAt ?? event.at }
				: row;
	}
}

const UPDATED_COLUMNS: UpdatedColumn[] = ['status', 'error', 'deliveredAt', 'readAt'];

function changes(before: TrackedRow, after: TrackedRow): RowUpdate['set'] {
	return Object.fromEntries(UPDATED_COLUMNS.filter((column) => before[column] !== after[column]).map((column) => [column, after[column]]));
}

function trackedOutranks(candidate: TrackedRow, current: TrackedRow): boolean {
	const rank = (row: TrackedRow) => (row.status === null ? 0 : STATUS_RANK[row.status]);
	return (rank(candidate) - rank(current) || compareText(candidate.sentAt, current.sentAt)) > 0;
}

function distinctEvents(events: StatusEvent[]): StatusEvent[] {
	const byId = new Map(events.map((event) => [event.eventId ?? JSON.stringify(event), event]));
	return [...byId.values()].sort((a, b) => compareText(a.at, b.at));
}

/**
 * What the store must write after stops, resumes, deliveries and reads. Each row is given with
 * the event of its input item; one row's events apply in the order they happened (Meta does not
 * deliver them in order), and each row appears once however often the input holds it.
 */
export function applyStatusEvents(rows: Array<IndexedRow<TrackedRow>>, eventOfItem: (itemIndex: number) => StatusEvent): RowUpdate[] {
	const updates: RowUpdate[] = [];
	for (const { row, itemIndexes } of dedupeRows(rows, (tracked) => keyText(tracked.key), trackedOutranks)) {
		const after = distinctEvents(itemIndexes.map(eventOfItem)).reduce(applyEvent, row);
		const set = changes(row, after);
		if (Object.keys(set).length > 0) updates.push({ key: row.key, set, itemIndexes });
	}
	return updates;
}
