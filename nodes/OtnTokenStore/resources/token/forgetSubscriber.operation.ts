import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { IndexedRow } from '../../../shared/tokens/dedupeRows';
import { readSubscriberRow, rowsToForget, type Subscriber, type SubscriberRow } from '../../../shared/tokens/rowsToForget';
import { rowLabel } from '../../../shared/tokens/rowLabel';
import { hasProblem } from '../../../shared/tokens/rowProblem';
import { ItemErrors } from '../../../shared/itemErrors';
import { outputItem } from '../../../shared/outputItem';
import { rowFix } from '../../../shared/tokens/rowFixes';
import { deletionRecord } from '../../../shared/tokens/deletionRecord';

const PSID_FIX = "Map the subscriber's PSID, e.g. {{ $json.psid }} from the deletion request.";

function text(value: unknown): string {
	return String(value ?? '').trim();
}

/** Stored rows and a PSID in; the rows of that subscriber to delete out, each with what it holds, for the record. */
export function forgetSubscriber(this: IExecuteFunctions): INodeExecutionData[][] {
	const errors = new ItemErrors(this);
	const rows: Array<IndexedRow<SubscriberRow>> = [];
	const subscribers = new Map<number, Subscriber>();
	this.getInputData().forEach((item, itemIndex) => {
		let subscriber: Subscriber;
		try {
			subscriber = {
				psid: text(this.getNodeParameter('psid', itemIndex, '')),
				pageId: text(this.getNodeParameter('pageId', itemIndex, '')) || null,
			};
		} catch (error) {
			errors.report(itemIndex, `The PSID to forget cannot be read for item ${itemIndex}: ${(error as Error).message}`, PSID_FIX);
			return;
		}
		if (!subscriber.psid) {
			errors.report(itemIndex, `The PSID to forget is empty for item ${itemIndex}`, PSID_FIX);
			return;
		}
		const check = readSubscriberRow(item.json);
		if (hasProblem(check)) {
			errors.report(itemIndex, `${rowLabel(item.json, itemIndex)} cannot be matched to a subscriber: ${check.problem.message}`, rowFix(check.problem.column));
			return;
		}
		subscribers.set(itemIndex, subscriber);
		rows.push({ row: check.row, itemIndex });
	});
	const forgotten = rowsToForget(rows, (itemIndex) => subscribers.get(itemIndex)!);
	const now = new Date();
	const input = this.getInputData();
	this.addExecutionHints({
		message: `${forgotten.length} row(s) of this subscriber to delete, by tokenId, of ${input.length} row(s) in.`,
		location: 'outputPane',
	});
	const records = forgotten.map(({ row, itemIndexes }) =>
		outputItem({ ...row, ...deletionRecord(itemIndexes.map((itemIndex) => input[itemIndex].json), now) }, itemIndexes),
	);
	return [[...records, ...errors.items]];
}
