import type { INodeProperties } from 'n8n-workflow';

import { pageIdField, psidField } from './subscriberFields';

const showFor = { resource: ['token'], operation: ['exportConsentRecord'] };
const showForCsv = { ...showFor, format: ['csv'] };

export const exportConsentRecordFields: INodeProperties[] = [
	{
		displayName:
			"Input: token rows and send log rows (merge both tables into one input), and, to date stops and unsubscribes, the trigger's stop and resume events and Request OTN's unsubscribe items. Output: the subscriber's consent history per topic, oldest first.",
		name: 'consentNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showFor },
	},
	psidField(showFor, { required: false, description: 'The subscriber whose record is asked for. Leave empty for every subscriber in the input.' }),
	pageIdField(showFor, 'Only rows of this Page. Leave empty for every Page.'),
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: [
			{ name: 'Rows', value: 'rows', description: 'One item per event' },
			{ name: 'CSV File', value: 'csv', description: 'One item with the record as a CSV file, one line per event' },
		],
		default: 'rows',
		displayOptions: { show: showFor },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The name of the output binary field to put the file in',
		displayOptions: { show: showForCsv },
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: 'consent-record.csv',
		description: 'The name the file is given, e.g. when written to disk or attached to an email',
		displayOptions: { show: showForCsv },
	},
];
