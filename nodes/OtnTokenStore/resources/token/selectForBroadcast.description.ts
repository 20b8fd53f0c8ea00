import type { INodeProperties } from 'n8n-workflow';

import { audiencePreviewOption, previewRateOption } from './selectionPreview.description';
import { pageIdField } from './subscriberFields';

const showFor = { resource: ['token'], operation: ['selectForBroadcast'] };

export const selectForBroadcastFields: INodeProperties[] = [
	{
		displayName:
			'Input: token rows from any store (e.g. Data Table Get with Return All). Output 1: the rows to send to now, one per subscriber and topic. Output 2: rows whose expiry has passed, as tokenId and status "expired", for an Update node. With Page Size, output 3: where the next page starts.',
		name: 'selectNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showFor },
	},
	{
		displayName: 'Topic',
		name: 'topic',
		type: 'string',
		default: '',
		placeholder: 'e.g. back-in-stock',
		description: "Only tokens of this topic (the opt-in request's payload). Leave empty for every topic.",
		displayOptions: { show: showFor },
	},
	pageIdField(showFor, 'Only tokens of this Page. Leave empty for every Page.'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showFor },
		options: [
			audiencePreviewOption,
			{
				displayName: 'Max Rows',
				name: 'maxRows',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 100,
				description:
					'Send to at most this many subscribers, e.g. a sample before the whole audience. The tokens that expire first are taken first.',
			},
			previewRateOption,
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 2 },
				default: 5000,
				description:
					"For an audience read in pages: the reading node's limit, with its rows ordered by psid and after the previous page's psid. Adds a third output, Next Page: one item with `after` (the psid to read after) and `morePages`. The last subscriber of a full page is left for the next page, so their tokens are decided together.",
			},
			{
				displayName: 'Shard Count',
				name: 'shardCount',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description:
					'Split the audience into this many shards, each sent by its own execution (e.g. on several queue-mode workers). Every subscriber belongs to exactly one shard. Max Rows applies to each shard.',
			},
			{
				displayName: 'Shard Number',
				name: 'shardNumber',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description:
					'Which shard (1 to Shard Count) this execution sends to. Rows of other shards are left out of both outputs: their own execution writes them back.',
			},
			{
				displayName: 'Test PSIDs',
				name: 'testPsids',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1254459154682919, 1254459154682920',
				description: 'Only these subscribers (comma-separated PSIDs), to try a campaign on a test audience first',
			},
		],
	},
];
