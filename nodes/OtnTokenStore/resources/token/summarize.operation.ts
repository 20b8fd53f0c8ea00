import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { summarizeCampaigns } from '../../../shared/tokens/summarizeCampaigns';
import { summarizeTokens } from '../../../shared/tokens/summarizeTokens';
import { ItemErrors } from '../../../shared/itemErrors';
import { outputItem } from '../../../shared/outputItem';
import { type RowKind, readTokenRows, readTrackedRows } from '../../../shared/tokens/readRows';

/** Rows in; one item per Page and topic (tokens) or per campaign (sends) out. */
export function summarize(this: IExecuteFunctions): INodeExecutionData[][] {
	const errors = new ItemErrors(this);
	const report = this.getNodeParameter('report', 0, 'tokens') as 'tokens' | 'campaigns';
	const summaries =
		report === 'campaigns'
			? summarizeCampaigns(readTrackedRows(this, errors, this.getNodeParameter('rows', 0, 'tokenRows') as RowKind))
			: summarizeTokens(readTokenRows(this, errors, false), {
					now: new Date(),
					expiringWithinDays: this.getNodeParameter('expiringWithinDays', 0, 30) as number,
				});
	return [[...summaries.map(({ summary, itemIndexes }) => outputItem(summary, itemIndexes)), ...errors.items]];
}
