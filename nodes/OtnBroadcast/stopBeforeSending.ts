import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Classification } from '../shared/graph/errorTable';
import { describeGraphError, type GraphError } from '../shared/graph/graphError';
import { graphNodeError } from '../shared/graph/graphNodeError';
import { outputItem } from '../shared/outputItem';
import type { BroadcastPlan } from './planBroadcast';

/**
 * The check of the credential failed: nothing was sent, and every row stays as it was. With On
 * Error set to stop, the node fails with what to fix; otherwise every row leaves by Not Sent with
 * the reason in `error` and its status untouched, so writing them back loses nothing.
 */
export function stopBeforeSending(
	context: IExecuteFunctions,
	plan: BroadcastPlan,
	failure: { error: GraphError } & Classification,
): INodeExecutionData[] {
	if (!context.continueOnFail()) {
		throw graphNodeError(context.getNode(), failure, plan.sends[0]?.distinct.itemIndexes[0]);
	}
	const error = `stop: ${failure.meaning}. Nothing was sent and this row is as it was: fix it and run again. ${describeGraphError(failure.error)}`;
	return [
		...plan.sends.map((planned) => outputItem({ ...planned.row, error }, planned.distinct.itemIndexes)),
		...plan.passed.map((passed) => outputItem(passed.row, passed.distinct.itemIndexes)),
	];
}
