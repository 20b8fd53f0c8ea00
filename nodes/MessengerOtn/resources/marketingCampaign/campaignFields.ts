import type { INodeProperties } from 'n8n-workflow';

/** Fields the campaign operations share. */

export function campaignIdField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Campaign ID',
		name: 'campaignId',
		type: 'string',
		default: '={{ $json.campaignId }}',
		required: true,
		placeholder: 'e.g. 120330000000000001',
		description: "The message campaign's ID, as Create put it out",
		displayOptions: { show },
	};
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
