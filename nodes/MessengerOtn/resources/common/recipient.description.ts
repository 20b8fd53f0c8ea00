import type { INodeProperties } from 'n8n-workflow';

/** The subscriber a message goes to, taken from the Messenger OTN Trigger's item by default. */
export function recipientPsidField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Recipient PSID',
		name: 'psid',
		type: 'string',
		default: '={{ $json.psid }}',
		required: true,
		description:
			"The subscriber's Page-scoped ID. The default reads it from the Messenger OTN Trigger's item.",
		displayOptions: { show },
	};
}
