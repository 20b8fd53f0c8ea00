import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { applyEventFields } from './resources/token/applyEvent.description';
import { applyEvent } from './resources/token/applyEvent.operation';
import { exportConsentRecordFields } from './resources/token/exportConsentRecord.description';
import { exportConsentRecord } from './resources/token/exportConsentRecord.operation';
import { forgetSubscriberFields } from './resources/token/forgetSubscriber.description';
import { forgetSubscriber } from './resources/token/forgetSubscriber.operation';
import { recordOptInFields } from './resources/token/recordOptIn.description';
import { recordOptIn } from './resources/token/recordOptIn.operation';
import { selectForBroadcastFields } from './resources/token/selectForBroadcast.description';
import { selectForBroadcast } from './resources/token/selectForBroadcast.operation';
import { summarizeFields } from './resources/token/summarize.description';
import { summarize } from './resources/token/summarize.operation';

const OPERATIONS: Record<string, (this: IExecuteFunctions) => INodeExecutionData[][] | Promise<INodeExecutionData[][]>> = {
	recordOptIn,
	selectForBroadcast,
	applyEvent,
	summarize,
	forgetSubscriber,
	exportConsentRecord,
};

/**
 * Select for Broadcast has a second output for the rows to write back, and a third for where the
 * next page starts when it selects from a page of the audience; the others have one.
 */
const OUTPUTS =
	'={{ $parameter.operation === "selectForBroadcast" ? [{ "type": "main", "displayName": "Eligible" }, { "type": "main", "displayName": "Status Changes" }].concat(($parameter.options || {}).pageSize ? [{ "type": "main", "displayName": "Next Page" }] : []) : [{ "type": "main" }] }}';

export class OtnTokenStore implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OTN Token Store',
		name: 'otnTokenStore',
		icon: { light: 'file:../../icons/messenger-otn.svg', dark: 'file:../../icons/messenger-otn.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			// The operation as the editor lists it, not its internal value.
			'={{ ({"applyEvent":"Apply Event","exportConsentRecord":"Export Consent Record","forgetSubscriber":"Forget Subscriber","recordOptIn":"Record Opt-In","selectForBroadcast":"Select for Broadcast","summarize":"Summarize"})[$parameter["operation"]] || $parameter["operation"] }}',
		description:
			'Keep Messenger opt-in tokens in any store: opt-ins to token rows, rows to send to, stops, deliveries and reads, figures, consent records and data deletion',
		defaults: { name: 'OTN Token Store' },
		// Not an AI tool: it turns rows a workflow hands it into rows for a store, and a tool call carries no rows.
		usableAsTool: undefined,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS,
		// Newer n8n versions redact these output fields in stored executions (2.40 does not yet).
		sensitiveOutputFields: ['token'],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Token', value: 'token' }],
				default: 'token',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['token'] } },
				options: [
					{
						name: 'Apply Event',
						value: 'applyEvent',
						action: 'Apply event to stored rows',
						description:
							"Work out which stored rows a marketing stop or resume, a delivery or a read, a paid marketing message's delivery, read, click or failure, or an unsubscribe changes, and how",
					},
					{
						name: 'Export Consent Record',
						value: 'exportConsentRecord',
						action: 'Export consent record',
						description: "Each subscriber's consent history per topic (opt-ins and the text they saw, stops, resumes, unsubscribes, sends), as rows or a CSV file",
					},
					{
						name: 'Forget Subscriber',
						value: 'forgetSubscriber',
						action: 'Find subscriber rows to delete',
						description: 'Find every stored row of one PSID, for a data deletion request',
					},
					{
						name: 'Record Opt-In',
						value: 'recordOptIn',
						action: 'Create token rows from trigger events',
						description: "Turn the trigger's opt-in events into token rows for the store",
					},
					{
						name: 'Select for Broadcast',
						value: 'selectForBroadcast',
						action: 'Select token rows for broadcast',
						description: 'Pick one sendable token per subscriber and topic, and the rows that expired',
					},
					{
						name: 'Summarize',
						value: 'summarize',
						action: 'Summarize token rows',
						description: 'Count tokens per topic and Page, or sends per campaign (delivered, read, clicked, failed)',
					},
				],
				default: 'recordOptIn',
			},
			...recordOptInFields,
			...selectForBroadcastFields,
			...applyEventFields,
			...summarizeFields,
			...forgetSubscriberFields,
			...exportConsentRecordFields,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		const run = OPERATIONS[operation];
		if (!run) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known`, {
				description: 'Choose an operation from the list.',
			});
		}
		return run.call(this);
	}
}
