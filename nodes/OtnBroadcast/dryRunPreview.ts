import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { outputItem } from '../shared/outputItem';
import { hasNameMacro } from '../shared/personalise/nameMacros';
import { audiencePreview, coolingDownOf } from '../shared/preview/audiencePreview';
import type { BroadcastSettings } from './broadcastSettings';
import { personaliseSends } from './personaliseSends';
import type { BroadcastPlan } from './planBroadcast';
import { previewDeliveryEstimate } from './previewDeliveryEstimate';
import type { BroadcastChannel } from './sendBroadcast';

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
				'One item out of "Sent": who would be reached (by topic, token type, Page, expiry month), who is cooling down and until when, how long the campaign takes at the Send Rate, the message of the first rows with their names filled in, and for the paid API Meta\'s delivery and cost estimate',
		},
	],
	default: 'rows',
	displayOptions: { show: { dryRun: [true] } },
};

/** How many profile lookups the broadcast would make: one per subscriber whose message holds a name macro. */
function subscribersToLookUp(plan: BroadcastPlan): number {
	return new Set(plan.sends.filter((planned) => hasNameMacro(planned.message)).map((planned) => `${planned.row.pageId}/${planned.row.psid}`)).size;
}

/**
 * The dry run's Audience Preview: the plan's figures and the first messages exactly as their rows
 * would get them, name macros filled in (never a token); for the paid API, Meta's delivery
 * estimate. Paired with the rows it counts. Sends nothing: the only calls are the first rows'
 * profile lookups (Send API) or the estimate (paid API).
 */
export async function dryRunPreviewItem(
	plan: BroadcastPlan,
	channel: BroadcastChannel,
	settings: BroadcastSettings,
	notSent: Record<string, number>,
	inputCount: number,
): Promise<INodeExecutionData> {
	const coolingDown = coolingDownOf(plan.passed.filter((passed) => passed.reason === 'coolingDown').map((passed) => passed.row));
	const shown = await personaliseSends(plan.sends.slice(0, MESSAGES_SHOWN), channel.names, settings.nameFallback, 1);
	const eligible = plan.sends.map((planned) => planned.row);
	const nameLookups = channel.names ? subscribersToLookUp(plan) : 0;
	const preview: IDataObject = {
		...audiencePreview(eligible, coolingDown, settings.ratePerSecond, nameLookups),
		...(nameLookups > 0 ? { nameLookups } : {}),
		notSent,
		messages: shown.map(({ row, message, variant }) => ({ tokenId: row.tokenId, topic: row.topic, tokenType: row.tokenType, ...(variant ? { variant } : {}), message })),
	};
	if (channel.estimateDelivery && eligible.length > 0) {
		const pageIds = [...new Set(eligible.map((row) => String(row.pageId)))].sort();
		preview.deliveryEstimate = await previewDeliveryEstimate(channel.estimateDelivery, pageIds, settings.estimateTargetingSpec);
	}
	const paired = plan.sends.flatMap((planned) => planned.distinct.itemIndexes).sort((a, b) => a - b);
	return outputItem(preview, paired.length > 0 ? paired : Array.from({ length: inputCount }, (_, index) => index));
}
