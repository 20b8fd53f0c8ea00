import type { INodeProperties } from 'n8n-workflow';

import { MAX_BATCH_SIZE } from '../shared/graph/graphClient';
import { campaignLocator } from '../shared/listSearch/campaignLocator';
import { messageContentFields } from '../shared/messages/messageContentParameters';
import { dryRunOutputField } from './dryRunPreview';
import { nameFallbackOption } from './personaliseSends';
import { estimateTargetingOption } from './previewDeliveryEstimate';
import { variantFields } from './variantDescription';

export const DEFAULT_RATE_PER_SECOND = 100;
export const MAX_SHARDS_SHARING_RATE = 64;

/** The canvas names the campaign on both paths: the name through the Send API, the picked campaign through the paid API. */
export const BROADCAST_SUBTITLE =
	'={{ $parameter["sendThrough"] === "paidApi" ? "Campaign " + ($parameter["campaignId"].cachedResultName || $parameter["campaignId"].value || $parameter["campaignId"]) : $parameter["campaign"] }}';

export const broadcastProperties: INodeProperties[] = [
	{
		displayName:
			'Input: token rows, usually from OTN Token Store\'s "Select for Broadcast". Output 1, "Sent", and output 2, "Not Sent", are the same rows updated, ready to write back to your store (update on tokenId).',
		name: 'inputNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Send Through',
		name: 'sendThrough',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Send API (Page Credential)',
				value: 'sendApi',
				description: 'One-time notification and marketing messages tokens, free, with the Page credential',
			},
			{
				name: 'Paid Marketing Message API',
				value: 'paidApi',
				description: "Marketing tokens only, under a message campaign billed to the Marketing API credential's ad account",
			},
		],
		default: 'sendApi',
	},
	{
		displayName: 'Campaign',
		name: 'campaign',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. spring-sale-2026',
		description: 'A name stamped on every row this broadcast handles, and on its send log',
		displayOptions: { show: { sendThrough: ['sendApi'] } },
	},
	campaignLocator({
		description:
			"The message campaign the sends are billed to: pick it from the ad account's campaigns, or give its ID (Request OTN → Marketing Campaign → Create puts it out). It is stamped on every row as the campaign, so Meta's receipts and failures find their send.",
		displayOptions: { show: { sendThrough: ['paidApi'] } },
	}),
	{
		displayName: 'Min Conversation Gap (Seconds)',
		name: 'minConversationGapSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'Meta skips a subscriber whose thread had other activity this recently (0 sends regardless). Their row stays available for a later run.',
		displayOptions: { show: { sendThrough: ['paidApi'] } },
	},
	...messageContentFields({}),
	...variantFields,
	{
		displayName: 'Send Rate (Messages per Second)',
		name: 'ratePerSecond',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		default: DEFAULT_RATE_PER_SECOND,
		description:
			'How many messages leave per second. Meta allows a Page 300 Send API calls per second for text (10 for audio and video): the broadcast never lets Meta count more than that in a second, and after a rate-limit answer holds Meta\'s count to this rate too.',
	},
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description:
			'Whether to check every row and message and count what would be sent, without sending anything. Rows that would be sent come out of "Sent" unchanged.',
	},
	dryRunOutputField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
				default: MAX_BATCH_SIZE,
				description: `Messages per Graph batch request (1 to ${MAX_BATCH_SIZE}); 1 sends each message in its own call. The paid API has no batch requests: it always sends one per call.`,
			},
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 32 },
				default: 4,
				description: 'Calls to Meta in flight at once; the send rate applies to all of them together',
			},
			estimateTargetingOption,
			{
				displayName: 'Max Attempts',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10 },
				default: 4,
				description:
					'Attempts of a message that fails for a temporary reason (HTTP 5xx, time-out), with growing, randomised waits between them',
			},
			nameFallbackOption,
			{
				displayName: 'Request Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 300 },
				default: 30,
				description: 'How long to wait for Meta to answer one call',
			},
			{
				displayName: 'Shards Sharing the Send Rate',
				name: 'shardsSharingRate',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_SHARDS_SHARING_RATE },
				default: 1,
				description:
					"When the audience is split into shards that run at the same time (queue mode), each shard sends at Send Rate ÷ this number, so together they stay within the Page's rate. Set it to the Shard Count.",
			},
		],
	},
];
