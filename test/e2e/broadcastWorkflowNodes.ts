/** The nodes of a broadcast workflow as the e2e tests build it: webhook → Data Table rows → Select for Broadcast → OTN Broadcast. */
import { randomUUID } from 'node:crypto';

import type { E2ePage } from './messengerPage';

export function webhookStartNode(name: string, webhookId: string) {
	return { id: randomUUID(), name, type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0], webhookId, parameters: { httpMethod: 'POST', path: webhookId, responseMode: 'lastNode', responseData: 'allEntries', options: {} } };
}

export function dataTableNode(name: string, tableId: string, x: number, parameters: Record<string, unknown>) {
	return { id: randomUUID(), name, type: 'n8n-nodes-base.dataTable', typeVersion: 1.1, position: [x, 0], parameters: { resource: 'row', dataTableId: { __rl: true, mode: 'id', value: tableId }, ...parameters } };
}

export function selectForBroadcastNode(x: number) {
	return { id: randomUUID(), name: 'Select for Broadcast', type: 'n8n-nodes-messenger-otn.otnTokenStore', typeVersion: 1, position: [x, 0], parameters: { resource: 'token', operation: 'selectForBroadcast', topic: 'deals' } };
}

export function otnBroadcastNode(page: E2ePage, x: number, parameters: Record<string, unknown>) {
	return {
		id: randomUUID(),
		name: 'OTN Broadcast',
		type: 'n8n-nodes-messenger-otn.otnBroadcast',
		typeVersion: 1,
		position: [x, 0],
		parameters,
		credentials: { messengerOtnPageApi: page.credential },
	};
}
