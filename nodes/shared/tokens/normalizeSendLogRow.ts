import { dateCell, idCell, textCell, tokenIdCell } from './rowCells';
import { checkRow, type Raw, type RowCheck, RowReader } from './rowProblem';
import type { SendLogRow } from './sendLogRow';

/** A row of the send log from any store; store columns are left behind. */
export function normalizeSendLogRow(raw: Raw): RowCheck<SendLogRow> {
	return checkRow(() => {
		const read: RowReader = new RowReader(raw);
		return {
			campaign: read.required('campaign', textCell),
			tokenId: read.required('tokenId', tokenIdCell),
			pageId: read.required('pageId', idCell),
			psid: read.required('psid', idCell),
			messageId: read.cell('messageId', textCell),
			sentAt: read.required('sentAt', dateCell),
			deliveredAt: read.cell('deliveredAt', dateCell),
			readAt: read.cell('readAt', dateCell),
			clickedAt: read.cell('clickedAt', dateCell),
			// Send logs made before the paid API's failure webhooks have neither column.
			failedAt: read.cell('failedAt', dateCell),
			error: read.cell('error', textCell),
			// Only campaigns with variants fill it; older send logs have no such column.
			variant: read.cell('variant', textCell),
		};
	});
}
