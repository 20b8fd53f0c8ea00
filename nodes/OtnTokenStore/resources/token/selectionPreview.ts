import type { INodeExecutionData } from 'n8n-workflow';

import { DEFAULT_RATE_PER_SECOND } from '../../../OtnBroadcast/broadcastDescription';
import { outputItem } from '../../../shared/outputItem';
import { audiencePreview } from '../../../shared/preview/audiencePreview';
import type { Selection } from '../../../shared/tokens/selectForBroadcast';

/**
 * Select for Broadcast's Audience Preview: one item with the figures of the selection instead of
 * its rows, so nothing goes on to a broadcast or back to the store. Paired with the eligible rows
 * (with every input item when none is eligible).
 */
export function selectionPreviewItem(selection: Selection, ratePerSecond: number | undefined, inputCount: number): INodeExecutionData {
	const rate = ratePerSecond !== undefined && ratePerSecond > 0 ? ratePerSecond : DEFAULT_RATE_PER_SECOND;
	const { coolingDown, earliestNextEligibleAt, expired, extraTokens, spent, overCap } = selection.counts;
	const preview = {
		...audiencePreview(selection.eligible.map(({ row }) => row), { count: coolingDown, earliestNextEligibleAt }, rate),
		expired,
		extraTokens,
		spent,
		overCap,
	};
	const paired = selection.eligible.flatMap(({ itemIndexes }) => itemIndexes).sort((a, b) => a - b);
	return outputItem(preview, paired.length > 0 ? paired : Array.from({ length: inputCount }, (_, index) => index));
}
