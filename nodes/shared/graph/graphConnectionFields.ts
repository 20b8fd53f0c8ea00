import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_GRAPH_HOST } from './graphCaller';
import { DEFAULT_GRAPH_API_VERSION, GRAPH_API_VERSIONS } from './graphVersions';

/** Where and in which version a credential's Graph calls go: the same two fields on both credentials. */
export const GRAPH_CONNECTION_FIELDS: INodeProperties[] = [
	{
		displayName: 'Graph API Version',
		name: 'graphApiVersion',
		type: 'options',
		options: GRAPH_API_VERSIONS.map((version) => ({ name: version, value: version })),
		default: DEFAULT_GRAPH_API_VERSION,
	},
	{
		displayName: 'Graph Host',
		name: 'graphHost',
		type: 'string',
		default: DEFAULT_GRAPH_HOST,
		description:
			"Where Graph API calls go. Leave the default for Meta; point it at the package's local Messenger emulator to test without a Facebook app.",
	},
];

/** A credential test's base URL from those two fields, as n8n evaluates it. */
export const GRAPH_TEST_BASE_URL = '={{$credentials.graphHost.replace(/\\/+$/, "")}}/{{$credentials.graphApiVersion}}';
