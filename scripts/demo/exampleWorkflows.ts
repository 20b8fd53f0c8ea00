/**
 * The example workflows of examples/ as shipped, with only what an import leaves to the user filled
 * in: the Page credential, the Data Table (by id, where the file names it `otn_tokens`), and fixed
 * webhook ids and paths so their URLs are known. The demo and the lifecycle e2e test both use it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { WorkflowDefinition } from '../n8n/n8n-workflows';
import { repoRoot } from '../n8n/runtime';

export const INBOX_EXAMPLE = 'inbox.json';
export const BROADCAST_EXAMPLE = 'broadcast.json';
export const INBOX_TRIGGER = 'Messenger OTN Trigger';
export const BROADCAST_WEBHOOK = 'Start by Webhook';

export interface ExampleNode {
	name: string;
	type: string;
	webhookId?: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

export type ExampleWorkflow = Omit<WorkflowDefinition, 'nodes'> & { nodes: ExampleNode[] };

export interface ExampleFill {
	/** The saved Page credential every Messenger node uses. */
	pageCredential: { id: string; name: string };
	/** Saved credentials of other types (Postgres, Header Auth), by credential type. */
	credentials?: Record<string, { id: string; name: string }>;
	/** The Data Table's id; without it the nodes keep the table's name as shipped. */
	dataTableId?: string;
	/** webhookId per node name: the trigger's URL is `/webhook/<webhookId>/webhook`. */
	webhookIds?: Record<string, string>;
	/** Path per Webhook node name: its URL is `/webhook/<path>`. */
	webhookPaths?: Record<string, string>;
	name?: string;
}

export function loadExample(file: string): ExampleWorkflow {
	return JSON.parse(readFileSync(join(repoRoot, 'examples', file), 'utf8')) as ExampleWorkflow;
}

export function filledExample(file: string, fill: ExampleFill): ExampleWorkflow {
	const workflow = loadExample(file);
	for (const node of workflow.nodes) {
		if (node.credentials) {
			const saved: Record<string, { id: string; name: string }> = { ...fill.credentials, messengerOtnPageApi: fill.pageCredential };
			node.credentials = Object.fromEntries(Object.entries(node.credentials).map(([type, shipped]) => [type, saved[type] ?? shipped]));
		}
		if (fill.dataTableId && node.type === 'n8n-nodes-base.dataTable') {
			node.parameters = { ...node.parameters, dataTableId: { __rl: true, mode: 'id', value: fill.dataTableId } };
		}
		const webhookId = fill.webhookIds?.[node.name];
		if (webhookId) node.webhookId = webhookId;
		const path = fill.webhookPaths?.[node.name];
		if (path) node.parameters = { ...node.parameters, path };
	}
	return { ...workflow, name: fill.name ?? workflow.name };
}

/** The production path of a node, as n8n serves it under /webhook/. */
export function webhookPathOf(workflow: ExampleWorkflow, nodeName: string): string {
	const node = workflow.nodes.find((candidate) => candidate.name === nodeName);
	if (!node) throw new Error(`${workflow.name} has no node "${nodeName}"`);
	if (node.type === 'n8n-nodes-base.webhook') return String(node.parameters.path);
	if (!node.webhookId) throw new Error(`"${nodeName}" has no webhookId`);
	return `${node.webhookId}/webhook`;
}
