import type { INodeProperties } from 'n8n-workflow';

const showFor = { resource: ['token'], operation: ['recordOptIn'] };

export const recordOptInFields: INodeProperties[] = [
	{
		displayName:
			'Connect the opt-in events of the Messenger OTN Trigger (type otn_optin or marketing_optin). Each becomes one token row, status "available". Store it only if its tokenId is absent (Data Table: If Row Does Not Exist on tokenId, then Insert; SQL: a unique key on tokenId and ON CONFLICT DO NOTHING), so a retried webhook never adds a second row or revives a used token.',
		name: 'recordOptInNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showFor },
	},
];
