import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { audiencePage, type AudiencePage, type AudiencePageProblem } from '../../../shared/tokens/audiencePage';
import type { IndexedRow } from '../../../shared/tokens/dedupeRows';
import { updateJson } from '../../../shared/tokens/rowUpdate';
import type { TokenRow } from '../../../shared/tokens/tokenRow';
import { selectRowsForBroadcast, type Shard } from '../../../shared/tokens/selectForBroadcast';
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
	pageSize?: number;
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

/** Page Size as set, or null when the audience comes whole. */
function readPageSize(context: IExecuteFunctions, options: SelectOptions): number | null {
	if (options.pageSize === undefined) return null;
	const size = Number(options.pageSize);
	if (!Number.isInteger(size) || size < 2) {
		throw new NodeOperationError(context.getNode(), `Page Size must be a whole number of at least 2, not ${options.pageSize}`, {
			description: "Set Page Size to the reading node's limit (e.g. 5000), or remove the option to select from the whole audience at once.",
		});
	}
	return size;
}

function pageProblem(context: IExecuteFunctions, problem: AudiencePageProblem): NodeOperationError {
	if (problem.kind === 'unordered') {
		return new NodeOperationError(context.getNode(), `The rows are not ordered by psid: ${problem.previousPsid} comes before ${problem.psid}`, {
			itemIndex: problem.itemIndex,
			description:
				'A paged audience must come ordered by psid, ascending (Data Table Get: Order By psid, Ascending; SQL: ORDER BY "psid" COLLATE "C"). Nothing was selected.',
		});
	}
	return new NodeOperationError(context.getNode(), `No subscriber's rows fit whole in this full page of ${problem.pageSize} rows`, {
		itemIndex: problem.itemIndex,
		description: "Raise Page Size and the reading node's limit together (one subscriber's rows must fit in a page). Nothing was selected.",
	});
}

/** The rows of this page, and the item that tells the next page where to start. */
function pageOfInput(context: IExecuteFunctions, rows: Array<IndexedRow<TokenRow>>, pageSize: number): AudiencePage {
	const result = audiencePage(rows, context.getInputData().length, pageSize);
	if ('problem' in result) throw pageProblem(context, result.problem);
	return result.page;
}

function nextPageItem(page: AudiencePage, pageSize: number, eligible: number, itemsRead: number): INodeExecutionData {
	return {
		json: {
			after: page.after,
			morePages: page.morePages,
			pageSize,
			rowsRead: itemsRead,
			eligible,
			heldForNextPage: page.heldForNextPage,
		},
		pairedItem: { item: itemsRead - 1 },
	};
}

/**
 * Token rows in; the rows to send to now (first output) and the rows to write back as expired
 * (second output) out, and with Page Size where the next page starts (third output). The selection is one decision over all rows, so its parameters are read
 * once, from the first item.
 */
export function selectForBroadcast(this: IExecuteFunctions): INodeExecutionData[][] {
	const options = this.getNodeParameter('options', 0, {}) as SelectOptions;
	const shard = readShard(this, options);
	const pageSize = readPageSize(this, options);
	const errors = new ItemErrors(this);
	const read = readTokenRows(this, errors, true);
	const page = pageSize === null ? null : pageOfInput(this, read, pageSize);
	const selection = selectRowsForBroadcast(page?.rows ?? read, {
		topic: textOrNull(this.getNodeParameter('topic', 0, '')),
		pageId: textOrNull(this.getNodeParameter('pageId', 0, '')),
		testPsids: String(options.testPsids ?? '')
			.split(/[\s,]+/)
			.filter(Boolean),
		maxRows: options.maxRows ?? null,
		shard: shard.count > 1 ? shard : undefined,
		now: new Date(),
	});
	this.addExecutionHints({
		message: selectionHint(selection.counts, shard, page ?? undefined),
		location: 'outputPane',
	});
	const severalPages = severalPagesWarning(selection.counts);
	if (severalPages) this.addExecutionHints({ message: severalPages, type: 'warning', location: 'outputPane' });
	const paged = page !== null && pageSize !== null;
	if (options.audiencePreview) {
		// A preview sends nothing and writes nothing back, so it gives no next page to go on to.
		const preview = [selectionPreviewItem(selection, options.previewRatePerSecond, this.getInputData().length), ...errors.items];
		return paged ? [preview, [], []] : [preview, []];
	}
	const outputs = [
		[...selection.eligible.map(({ row, itemIndexes }) => outputItem(row, itemIndexes)), ...errors.items],
		selection.statusChanges.map((update) => outputItem(updateJson(update), update.itemIndexes)),
	];
	if (!paged) return outputs;
	return [...outputs, [nextPageItem(page, pageSize, selection.counts.eligible, this.getInputData().length)]];
}
