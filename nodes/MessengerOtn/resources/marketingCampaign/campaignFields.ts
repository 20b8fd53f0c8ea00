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
		displayName: 'Page ID',
		name: 'pageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 200000000000001',
		description,
		displayOptions: { show },
	};
}
