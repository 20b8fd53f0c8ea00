import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { evenBatchSize } from '../shared/broadcast/evenBatchSize';
import { MAX_BATCH_SIZE } from '../shared/graph/graphClient';
import { DEFAULT_RATE_PER_SECOND, MAX_SHARDS_SHARING_RATE } from './broadcastDescription';
import { DEFAULT_NAME_FALLBACK } from './personaliseSends';
import { readVariantSplit, type VariantSplit } from './variants';

export type SendThrough = 'sendApi' | 'paidApi';

export interface BroadcastSettings {
	sendThrough: SendThrough;
	/** The name stamped on the rows; through the paid API, the message campaign's ID. */
	campaign: string;
	/** Paid API: Meta skips threads with organic activity this recent. */
	minConversationGapSeconds?: number;
	/** This execution's rate: Send Rate divided among the shards sending at the same time. */
	ratePerSecond: number;
	/** Shards of one audience sending at once; 1 when not sharded. */
	shardsSharingRate: number;
	dryRun: boolean;
	/** What a dry run puts out: the rows it would send, or one Audience Preview item. */
	dryRunOutput: 'rows' | 'preview';
	batchSize: number;
	concurrency: number;
	maxAttempts: number;
	timeoutMs: number;
	/** The message variants and their shares; undefined without Variants (A/B). */
	variants?: VariantSplit;
	/** Send API: what a name macro becomes when Meta gives no name. */
	nameFallback: string;
	/** Paid API: the targeting spec of the Audience Preview's delivery estimate, as entered. */
	estimateTargetingSpec?: unknown;
}

function clamp(value: unknown, min: number, max: number, fallback: number): number {
	const n = Number(value);
	return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** The broadcast's settings: one campaign, one pace for all rows, read from the first item. */
export function readBroadcastSettings(context: IExecuteFunctions): BroadcastSettings {
	const sendThrough = context.getNodeParameter('sendThrough', 0, 'sendApi') as SendThrough;
	const paid = sendThrough === 'paidApi';
	// extractValue: a picked campaign's ID, or the plain ID a workflow saved before the picker.
	const campaign = String(context.getNodeParameter(paid ? 'campaignId' : 'campaign', 0, '', { extractValue: true })).trim();
	if (!campaign) {
		throw new NodeOperationError(context.getNode(), paid ? 'The campaign ID is empty' : 'The campaign name is empty', {
			description: paid
				? "Give the message campaign's ID (Request OTN → Marketing Campaign → Create puts it out as campaignId)."
				: 'Name the campaign (e.g. spring-sale-2026): it is stamped on every row and send log entry.',
		});
	}
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const gap = Number(context.getNodeParameter('minConversationGapSeconds', 0, 0));
	const pageRate = clamp(context.getNodeParameter('ratePerSecond', 0, DEFAULT_RATE_PER_SECOND), 0.1, 10_000, DEFAULT_RATE_PER_SECOND);
	// Concurrent shards each pace themselves alone, so each takes its share of the Page's rate.
	const shardsSharingRate = Math.round(clamp(options.shardsSharingRate, 1, MAX_SHARDS_SHARING_RATE, 1));
	return {
		sendThrough,
		campaign,
		minConversationGapSeconds: paid && gap > 0 ? gap : undefined,
		ratePerSecond: pageRate / shardsSharingRate,
		shardsSharingRate,
		dryRun: context.getNodeParameter('dryRun', 0, false) as boolean,
		dryRunOutput: context.getNodeParameter('dryRunOutput', 0, 'rows') === 'preview' ? 'preview' : 'rows',
		batchSize: paid ? 1 : evenBatchSize(Math.round(clamp(options.batchSize, 1, MAX_BATCH_SIZE, MAX_BATCH_SIZE)), pageRate / shardsSharingRate),
		concurrency: Math.round(clamp(options.concurrency, 1, 32, 4)),
		maxAttempts: Math.round(clamp(options.maxAttempts, 1, 10, 4)),
		timeoutMs: clamp(options.timeoutSeconds, 1, 300, 30) * 1000,
		variants: readVariantSplit(context, campaign),
		nameFallback: typeof options.nameFallback === 'string' ? options.nameFallback : DEFAULT_NAME_FALLBACK,
		estimateTargetingSpec: options.estimateTargetingSpec,
	};
}
