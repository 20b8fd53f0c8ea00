/**
 * The n8n nodes the benchmark's workflows are made of, with the parameters of the installed
 * n8n 2.40.7 (read from n8n-nodes-base/dist/nodes): every workflow starts with a Webhook that
 * receives the token rows as one JSON array and a Split Out that makes one item per row.
 */
import { randomUUID } from 'node:crypto';

import { CAMPAIGN, MESSAGE_TEXT, TARGET_RATE_PER_SECOND } from './conditions';

export type N8nNode = Record<string, unknown> & { name: string };

let column = 0;
/** A node with an id and a place of its own, left to right, so the workflow reads well in the editor. */
function placed(node: N8nNode): N8nNode {
	column += 240;
	return { id: randomUUID(), position: [column, 0], ...node };
}

export const ROWS_NODE = 'Token Rows';
export const SPLIT_NODE = 'One Item per Row';

/** The trigger: answers at once, the execution goes on. */
export function rowsWebhook(path: string): N8nNode {
	return placed({
		name: ROWS_NODE,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		webhookId: path,
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	});
}

export function splitRows(): N8nNode {
	return placed({ name: SPLIT_NODE, type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'body', options: {} } });
}

export function otnBroadcast(name: string, credentialId: string): N8nNode {
	return placed({
		name,
		type: 'n8n-nodes-messenger-otn.otnBroadcast',
		typeVersion: 1,
		credentials: { messengerOtnPageApi: { id: credentialId, name: 'Bench Page' } },
		parameters: broadcastParameters(),
	});
}

/** OTN Broadcast as the benchmark sets it: the target rate, everything else at its default. */
export function broadcastParameters() {
	return { campaign: CAMPAIGN, messageType: 'text', text: MESSAGE_TEXT, ratePerSecond: TARGET_RATE_PER_SECOND, dryRun: false, options: {} };
}

export interface HttpSendSettings {
	/** HTTP Request "Batching" option. */
	batching?: { batchSize: number; batchInterval: number };
	/** Node settings "Retry On Fail" (n8n's defaults once enabled: 3 tries, 1000 ms apart). */
	retryOnFail?: boolean;
	/** Node settings "On Error"; n8n's default stops the workflow. */
	onError?: 'continueErrorOutput';
}

/** What the DIY workflows do: POST the Send API with the row's one-time token, page token in the query. */
export function httpSend(name: string, graphUrl: string, pageToken: string, settings: HttpSendSettings = {}): N8nNode {
	const body = `={{ JSON.stringify({ recipient: { one_time_notif_token: $json.token }, message: { text: ${JSON.stringify(MESSAGE_TEXT)} } }) }}`;
	return placed({
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		...(settings.retryOnFail ? { retryOnFail: true, maxTries: 3, waitBetweenTries: 1000 } : {}),
		...(settings.onError ? { onError: settings.onError } : {}),
		parameters: {
			method: 'POST',
			url: `${graphUrl}/v25.0/me/messages`,
			sendQuery: true,
			queryParameters: { parameters: [{ name: 'access_token', value: pageToken }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody: body,
			options: settings.batching ? { batching: { batch: settings.batching } } : {},
		},
	});
}

/** Loop Over Items, one item per round: output 0 is "done", output 1 is "loop". */
export function loopOverItems(name: string): N8nNode {
	return placed({ name, type: 'n8n-nodes-base.splitInBatches', typeVersion: 3, parameters: { batchSize: 1, options: {} } });
}

export function waitSeconds(name: string, seconds: number): N8nNode {
	return placed({
		name,
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		webhookId: randomUUID(),
		parameters: { resume: 'timeInterval', amount: seconds, unit: 'seconds' },
	});
}

/** Edit Fields adding one field: puts out a copy of every row, as the broadcast's outputs do. */
export function copyRows(name: string): N8nNode {
	return placed({
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			mode: 'manual',
			assignments: { assignments: [{ id: randomUUID(), name: 'campaign', value: CAMPAIGN, type: 'string' }] },
			includeOtherFields: true,
			options: {},
		},
	});
}

/** Connections of a chain: each node's output `output` to the next node's input. */
export function chain(...links: Array<[from: string, to: string, output?: number]>): Record<string, unknown> {
	const connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};
	for (const [from, to, output = 0] of links) {
		const main = (connections[from] ??= { main: [] }).main;
		while (main.length <= output) main.push([]);
		main[output].push({ node: to, type: 'main', index: 0 });
	}
	return connections;
}
