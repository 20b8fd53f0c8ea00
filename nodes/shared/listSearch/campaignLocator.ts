import type { INodeProperties } from 'n8n-workflow';

/**
 * A message campaign picked from the ad account's list, or typed as an ID. Saved workflows that
 * hold a plain ID or an expression string keep working: the nodes read the value with
 * `extractValue`, which returns such a string as it is.
 */
export function campaignLocator(overrides: Partial<INodeProperties> & Pick<INodeProperties, 'description'>): INodeProperties {
	return {
		displayName: 'Campaign',
		name: 'campaignId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCampaigns', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 120330000000000001',
				validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A campaign ID has digits only' } }],
			},
		],
		...overrides,
	};
}
