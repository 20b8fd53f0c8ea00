import { sleep, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import type { ItemErrors } from '../itemErrors';
import type { IndexedRow } from './dedupeRows';
import { normalizeSendLogRow } from './normalizeSendLogRow';
import { normalizeTokenRow } from './normalizeTokenRow';
import { rowLabel } from './rowLabel';
import { hasProblem, type Raw, type RowCheck } from './rowProblem';
import type { TokenRow } from './tokenRow';
import { trackSendLogRow, trackTokenRow, type TrackedRow } from './trackedRow';
import { rowFix } from './rowFixes';

export type RowKind = 'tokenRows' | 'sendLog';

const KIND_NAMES: Record<RowKind, string> = { tokenRows: 'a token row', sendLog: 'a send log row' };

function readItems<T>(
	items: INodeExecutionData[],
	from: number,
	to: number,
	errors: ItemErrors,
	kind: RowKind,
	read: (raw: Raw) => RowCheck<T>,
): Array<IndexedRow<T>> {
	const rows: Array<IndexedRow<T>> = [];
	for (let itemIndex = from; itemIndex < to; itemIndex++) {
		const item = items[itemIndex];
		const check = read(item.json);
		if (hasProblem(check)) {
			errors.report(itemIndex, `${rowLabel(item.json, itemIndex)} is not ${KIND_NAMES[kind]}: ${check.problem.message}`, rowFix(check.problem.column));
		} else rows.push({ row: check.row, itemIndex });
	}
	return rows;
}

function readEach<T>(context: IExecuteFunctions, errors: ItemErrors, kind: RowKind, read: (raw: Raw) => RowCheck<T>): Array<IndexedRow<T>> {
	const items = context.getInputData();
	return readItems(items, 0, items.length, errors, kind, read);
}

/** Rows read between two turns of the event loop by tokenRowsInTurns: a few milliseconds' work. */
const ROWS_PER_TURN = 1000;

/**
 * The input items as token rows, a thousand at a time with a turn of n8n's event loop between:
 * tens of thousands of rows do not hold up the process (its webhooks, its editor), and a call
 * started after the first rows (the check of the credential) travels while the rest are read.
 */
export async function* tokenRowsInTurns(context: IExecuteFunctions, errors: ItemErrors, requireToken: boolean): AsyncGenerator<Array<IndexedRow<TokenRow>>> {
	const items = context.getInputData();
	for (let from = 0; from < items.length; from += ROWS_PER_TURN) {
		if (from > 0) await sleep(0);
		yield readItems(items, from, Math.min(items.length, from + ROWS_PER_TURN), errors, 'tokenRows', (raw) => normalizeTokenRow(raw, { requireToken }));
	}
}

/** The input items as token rows; an item that cannot be one is reported, never dropped. */
export function readTokenRows(context: IExecuteFunctions, errors: ItemErrors, requireToken: boolean): Array<IndexedRow<TokenRow>> {
	return readEach(context, errors, 'tokenRows', (raw) => normalizeTokenRow(raw, { requireToken }));
}

/** The input items as sends, from token rows or send log rows. */
export function readTrackedRows(context: IExecuteFunctions, errors: ItemErrors, kind: RowKind): Array<IndexedRow<TrackedRow>> {
	if (kind === 'sendLog') {
		return readEach(context, errors, kind, normalizeSendLogRow).map(({ row, itemIndex }) => ({ row: trackSendLogRow(row), itemIndex }));
	}
	return readTokenRows(context, errors, false).map(({ row, itemIndex }) => ({ row: trackTokenRow(row), itemIndex }));
}
