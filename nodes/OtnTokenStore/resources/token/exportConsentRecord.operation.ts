import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { CONSENT_EVENT_COLUMNS, type ConsentEvent } from '../../../shared/consent/consentEvent';
import { consentRecord, type Subscriber } from '../../../shared/consent/consentRecord';
import { readConsentSources } from '../../../shared/consent/readConsentSources';
import { toCsv } from '../../../shared/csv';
import { ItemErrors } from '../../../shared/itemErrors';
import { outputItem } from '../../../shared/outputItem';

function text(value: unknown): string | null {
	return String(value ?? '').trim() || null;
}

function subscriberCount(lines: ConsentEvent[]): number {
	return new Set(lines.map((line) => `${line.pageId}/${line.psid}`)).size;
}

/** Token rows, send log rows and consent events in; the consent history per subscriber and topic out. */
export async function exportConsentRecord(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const errors = new ItemErrors(this);
	const subscriber: Subscriber = { psid: text(this.getNodeParameter('psid', 0, '')), pageId: text(this.getNodeParameter('pageId', 0, '')) };
	const record = consentRecord(readConsentSources(this, errors), subscriber, new Date());
	for (const itemIndex of record.unattributed) {
		errors.report(
			itemIndex,
			`The unsubscribe of item ${itemIndex} names only a token whose row is not in the input, so its subscriber cannot be told`,
			'Add the token rows of the Page to the input, or give the unsubscribe by PSID.',
		);
	}
	const lines = record.lines.map(({ row }) => row);
	this.addExecutionHints({
		message: `${lines.length} consent event(s) of ${subscriberCount(lines)} subscriber(s), from ${this.getInputData().length} item(s) in.`,
		location: 'outputPane',
	});
	if (this.getNodeParameter('format', 0, 'rows') !== 'csv') {
		return [[...record.lines.map(({ row, itemIndexes }) => outputItem(row, itemIndexes)), ...errors.items]];
	}
	const fileName = text(this.getNodeParameter('fileName', 0, '')) ?? 'consent-record.csv';
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', 0, 'data') as string;
	const file = await this.helpers.prepareBinaryData(Buffer.from(toCsv(CONSENT_EVENT_COLUMNS, lines), 'utf8'), fileName, 'text/csv');
	const sourceItems = [...new Set(record.lines.flatMap(({ itemIndexes }) => itemIndexes))].sort((a, b) => a - b);
	const csvItem = outputItem({ fileName, events: lines.length, subscribers: subscriberCount(lines) }, sourceItems.length > 0 ? sourceItems : [0]);
	return [[{ ...csvItem, binary: { [binaryPropertyName]: file } }, ...errors.items]];
}
