import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator } from '../../../shared/listSearch/campaignLocator';

/** Fields the campaign operations share. */

export function campaignIdField(show: Record<string, string[]>): INodeProperties {
	return campaignLocator({
		// By default the ID Create put out, as before the picker, so a Create → Get chain keeps working.
		default: { mode: 'id', value: '={{ $json.campaignId }}' },
		description: "The message campaign: pick it from the ad account's campaigns, or give its ID (Create puts it out as campaignId)",
		displayOptions: { show },
	});
}

export function pageIdField(show: Record<string, string[]>, description: string): INodeProperties {
	return {
		displayName: 'Page',
		name: 'pageId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions: { show },
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchPages', searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 200000000000001',
				validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A Page ID has digits only' } }],
			},
		],
	};
}
