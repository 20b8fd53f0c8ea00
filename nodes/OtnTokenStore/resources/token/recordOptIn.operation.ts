import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dedupeTokenRows, type IndexedRow } from '../../../shared/tokens/dedupeRows';
import { rowLabel } from '../../../shared/tokens/rowLabel';
import { hasProblem } from '../../../shared/tokens/rowProblem';
import type { TokenRow } from '../../../shared/tokens/tokenRow';
import { tokenRowFromOptIn } from '../../../shared/tokens/tokenRowFromOptIn';
import { ItemErrors } from '../../../shared/itemErrors';
import { outputItem } from '../../../shared/outputItem';

const ROUTE_FIX =
	'Route only opt-ins here: a Switch on {{ $json.type }} sends otn_optin and marketing_optin to Record Opt-in, and marketing_stop, marketing_resume, delivery and read to Apply Event.';

/** Trigger opt-ins in, one token row per distinct token out. */
export function recordOptIn(this: IExecuteFunctions): INodeExecutionData[][] {
	const errors = new ItemErrors(this);
	const rows: Array<IndexedRow<TokenRow>> = [];
	this.getInputData().forEach((item, itemIndex) => {
		const check = tokenRowFromOptIn(item.json);
		if (hasProblem(check)) {
			const fix = check.problem.column === 'type' ? ROUTE_FIX : "Connect the Messenger OTN Trigger's opt-in items unchanged.";
			errors.report(itemIndex, `${rowLabel(item.json, itemIndex)} cannot be recorded: ${check.problem.message}`, fix);
		} else rows.push({ row: check.row, itemIndex });
	});
	// Meta may batch a retry with the original: one row per token, or the store could insert both.
	const distinct = dedupeTokenRows(rows);
	if (distinct.length < rows.length) {
		this.addExecutionHints({
			message: `${rows.length - distinct.length} opt-in(s) repeated a token already in this run; each token is put out once.`,
			location: 'outputPane',
		});
	}
	return [[...distinct.map(({ row, itemIndexes }) => outputItem(row, itemIndexes)), ...errors.items]];
}
