import type { IExecuteFunctions } from 'n8n-workflow';

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

function readEach<T>(
	context: IExecuteFunctions,
	errors: ItemErrors,
	kind: RowKind,
	read: (raw: Raw) => RowCheck<T>,
): Array<IndexedRow<T>> {
	const rows: Array<IndexedRow<T>> = [];
	context.getInputData().forEach((item, itemIndex) => {
		const check = read(item.json);
		if (hasProblem(check)) {
			errors.report(itemIndex, `${rowLabel(item.json, itemIndex)} is not ${KIND_NAMES[kind]}: ${check.problem.message}`, rowFix(check.problem.column));
		} else rows.push({ row: check.row, itemIndex });
	});
	return rows;
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
