import type { INodeProperties } from 'n8n-workflow';

import { getMarketingTokensFields } from './getMarketingTokens.description';

export const marketingTokenDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['marketingToken'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many marketing tokens',
				description: "List the Page's marketing tokens from Meta as token rows, to rebuild or reconcile a token store",
			},
		],
		default: 'getAll',
	},
	...getMarketingTokensFields,
];
