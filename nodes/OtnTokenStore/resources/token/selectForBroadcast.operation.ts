import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateJson } from '../../../shared/tokens/rowUpdate';
import { selectForBroadcast as select } from '../../../shared/tokens/selectForBroadcast';
import { ItemErrors } from '../../../shared/itemErrors';
import { outputItem } from '../../../shared/outputItem';
import { readTokenRows } from '../../../shared/tokens/readRows';
import { selectionHint } from '../../selectionHint';

interface SelectOptions {
	maxRows?: number;
	testPsids?: string;
}

function textOrNull(value: unknown): string | null {
	const text = String(value ?? '').trim();
	return text === '' ? null : text;
}

/**
 * Token rows in; the rows to send to now (first output) and the rows to write back as expired
 * (second output) out. The selection is one decision over all rows, so its parameters are read
 * once, from the first item.
 */
export function selectForBroadcast(this: IExecuteFunctions): INodeExecutionData[][] {
	const errors = new ItemErrors(this);
	const rows = readTokenRows(this, errors, true);
	const options = this.getNodeParameter('options', 0, {}) as SelectOptions;
	const selection = select(rows, {
		topic: textOrNull(this.getNodeParameter('topic', 0, '')),
		pageId: textOrNull(this.getNodeParameter('pageId', 0, '')),
		testPsids: String(options.testPsids ?? '')
			.split(/[\s,]+/)
			.filter(Boolean),
		maxRows: options.maxRows ?? null,
		now: new Date(),
	});
	this.addExecutionHints({ message: selectionHint(selection.counts), location: 'outputPane' });
	return [
		[...selection.eligible.map(({ row, itemIndexes }) => outputItem(row, itemIndexes)), ...errors.items],
		selection.statusChanges.map((update) => outputItem(updateJson(update), update.itemIndexes)),
	];
}
