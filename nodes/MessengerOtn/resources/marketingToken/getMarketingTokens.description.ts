import type { INodeProperties } from 'n8n-workflow';

import { simplifyParameter } from '../../../shared/simplify/simplifyParameter';

const show = { resource: ['marketingToken'], operation: ['getAll'] };

export const getMarketingTokensFields: INodeProperties[] = [
	{
		displayName:
			"Meta lists marketing tokens only (not one-time tokens), with the title the subscriber saw rather than the request's topic. Each token comes out as a token row with tokenType \"marketing\" and topic empty.",
		name: 'tokenListNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
	{
		...simplifyParameter(show),
		description:
			'Whether to return a simplified version of the response instead of the raw data: who subscribed, to what, and when they can be messaged, without the token. Leave it off to write the rows to a store.',
	},
];
