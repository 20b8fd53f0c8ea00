import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { updateJson } from '../../../shared/tokens/rowUpdate';
import { selectForBroadcast as select, type Shard } from '../../../shared/tokens/selectForBroadcast';
import { ItemErrors } from '../../../shared/itemErrors';
import { outputItem } from '../../../shared/outputItem';
import { readTokenRows } from '../../../shared/tokens/readRows';
import { selectionHint, severalPagesWarning } from '../../selectionHint';
import { selectionPreviewItem } from './selectionPreview';

interface SelectOptions {
	maxRows?: number;
	testPsids?: string;
	shardCount?: number;
	shardNumber?: number;
	audiencePreview?: boolean;
	previewRatePerSecond?: number;
}

function textOrNull(value: unknown): string | null {
	const text = String(value ?? '').trim();
	return text === '' ? null : text;
}

/** The shard this execution sends to; a wrong one would skip or double part of the audience. */
function readShard(context: IExecuteFunctions, options: SelectOptions): Shard {
	const count = Number(options.shardCount ?? 1);
	const number = Number(options.shardNumber ?? 1);
	if (!Number.isInteger(count) || count < 1) {
		throw new NodeOperationError(context.getNode(), `Shard Count must be a whole number of at least 1, not ${options.shardCount}`, {
			description: 'Set Shard Count to how many executions share the audience (1: no sharding).',
		});
	}
	if (!Number.isInteger(number) || number < 1 || number > count) {
		throw new NodeOperationError(context.getNode(), `Shard Number ${options.shardNumber} is not a whole number between 1 and Shard Count (${count})`, {
			description: `Set Shard Number between 1 and Shard Count (${count}); the coordinator passes 1..N to its N shards.`,
		});
	}
	return { count, number };
}

/**
 * Token rows in; the rows to send to now (first output) and the rows to write back as expired
 * (second output) out. The selection is one decision over all rows, so its parameters are read
 * once, from the first item.
 */
export function selectForBroadcast(this: IExecuteFunctions): INodeExecutionData[][] {
	const options = this.getNodeParameter('options', 0, {}) as SelectOptions;
	const shard = readShard(this, options);
	const errors = new ItemErrors(this);
	const rows = readTokenRows(this, errors, true);
	const selection = select(rows, {
		topic: textOrNull(this.getNodeParameter('topic', 0, '')),
		pageId: textOrNull(this.getNodeParameter('pageId', 0, '')),
		testPsids: String(options.testPsids ?? '')
			.split(/[\s,]+/)
			.filter(Boolean),
		maxRows: options.maxRows ?? null,
		shard: shard.count > 1 ? shard : undefined,
		now: new Date(),
	});
	this.addExecutionHints({ message: selectionHint(selection.counts, shard), location: 'outputPane' });
	const severalPages = severalPagesWarning(selection.counts);
	if (severalPages) this.addExecutionHints({ message: severalPages, type: 'warning', location: 'outputPane' });
	if (options.audiencePreview) return [[selectionPreviewItem(selection, options.previewRatePerSecond, this.getInputData().length), ...errors.items], []];
	return [
		[...selection.eligible.map(({ row, itemIndexes }) => outputItem(row, itemIndexes)), ...errors.items],
		selection.statusChanges.map((update) => outputItem(updateJson(update), update.itemIndexes)),
	];
}
