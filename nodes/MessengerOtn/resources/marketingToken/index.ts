import type { INodeProperties } from 'n8n-workflow';

import { getMarketingTokensFields } from './getMarketingTokens.description';
import { unsubscribeFields } from './unsubscribe.description';

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
			{
				name: 'Unsubscribe',
				value: 'unsubscribe',
				action: 'Unsubscribe person from marketing messages',
				description: "Stop all of the Page's marketing messages to a person, by PSID or token, at Meta",
			},
		],
		default: 'getAll',
	},
	...getMarketingTokensFields,
	...unsubscribeFields,
];
