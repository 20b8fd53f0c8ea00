import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { outputItem } from '../shared/outputItem';
import { audiencePreview, coolingDownOf } from '../shared/preview/audiencePreview';
import type { BroadcastPlan } from './planBroadcast';

/** How many of the rows to send to show their message, as Messenger would get it. */
export const MESSAGES_SHOWN = 3;

export const dryRunOutputField: INodeProperties = {
	displayName: 'Dry Run Output',
	name: 'dryRunOutput',
	type: 'options',
	options: [
		{ name: 'Rows', value: 'rows', description: 'The rows that would be sent, unchanged, out of "Sent"' },
		{
			name: 'Audience Preview',
			value: 'preview',
			description:
				'One item out of "Sent": who would be reached (by topic, token type, Page, expiry month), who is cooling down and until when, how long the campaign takes at the Send Rate, and the message of the first rows',
		},
	],
	default: 'rows',
	displayOptions: { show: { dryRun: [true] } },
};

/**
 * The dry run's Audience Preview: the plan's figures and the first messages exactly as built for
 * their rows (never a token). Paired with the rows it counts.
 */
export function dryRunPreviewItem(plan: BroadcastPlan, ratePerSecond: number, notSent: Record<string, number>, inputCount: number): INodeExecutionData {
	const coolingDown = coolingDownOf(plan.passed.filter((passed) => passed.reason === 'coolingDown').map((passed) => passed.row));
	const preview = {
		...audiencePreview(plan.sends.map((planned) => planned.row), coolingDown, ratePerSecond),
		notSent,
		messages: plan.sends.slice(0, MESSAGES_SHOWN).map(({ row, message, variant }) => ({ tokenId: row.tokenId, topic: row.topic, tokenType: row.tokenType, ...(variant ? { variant } : {}), message })),
	};
	const paired = plan.sends.flatMap((planned) => planned.distinct.itemIndexes).sort((a, b) => a - b);
	return outputItem(preview, paired.length > 0 ? paired : Array.from({ length: inputCount }, (_, index) => index));
}
