/**
 * The demo's n8n content, made once and kept in the demo's data folder: the otn_tokens Data Table
 * and the two example workflows, found again by name on the next start so nothing is duplicated.
 * The inbox is published, which subscribes the emulator's app to it; the broadcast is left for the
 * user to run from the editor.
 */
import { randomUUID } from 'node:crypto';

import { createWorkflow, publishWorkflow, unpublishWorkflow } from '../n8n/n8n-workflows';
import { type N8nAuth, publicApi } from '../n8n/rest-client';
import { waitForWebhook } from '../n8n/wait-webhook';
import { BROADCAST_EXAMPLE, BROADCAST_WEBHOOK, type ExampleFill, filledExample, INBOX_EXAMPLE, INBOX_TRIGGER, loadExample, webhookPathOf } from './exampleWorkflows';
import { clearTokenTable, ensureTokenTable } from './tokenTable';

interface StoredWorkflow {
	id: string;
	name: string;
	active: boolean;
	nodes: Array<{ name: string; type: string; webhookId?: string; parameters: Record<string, unknown> }>;
}

export interface DemoContent {
	tableId: string;
	/** Rows of an earlier start, removed: their tokens belonged to that start's emulator. */
	clearedRows: number;
	inbox: { id: string; name: string; created: boolean; webhookUrl: string };
	broadcast: { id: string; name: string; created: boolean; webhookUrl: string };
}

async function findWorkflow(auth: N8nAuth, name: string): Promise<StoredWorkflow | undefined> {
	const page = await publicApi<{ data: StoredWorkflow[] }>(auth, 'GET', `/workflows?name=${encodeURIComponent(name)}&limit=250`);
	return page.data.find((workflow) => workflow.name === name);
}

/** The workflow of that example, imported with the demo's credentials when it is not there yet. */
async function ensureExample(auth: N8nAuth, file: string, fill: ExampleFill): Promise<{ workflow: StoredWorkflow; created: boolean }> {
	const { name } = loadExample(file);
	const existing = await findWorkflow(auth, name);
	if (existing) return { workflow: existing, created: false };
	await createWorkflow(auth, filledExample(file, fill));
	const created = await findWorkflow(auth, name);
	if (!created) throw new Error(`n8n did not keep the workflow "${name}"`);
	return { workflow: created, created: true };
}

/** `credentials`: the demo's other credentials by type (the broadcast's Header Auth key). */
export async function ensureDemoContent(
	auth: N8nAuth,
	pageCredential: { id: string; name: string },
	credentials: Record<string, { id: string; name: string }>,
): Promise<DemoContent> {
	const table = await ensureTokenTable(auth);
	const clearedRows = table.created ? 0 : await clearTokenTable(auth, table.id);

	const inbox = await ensureExample(auth, INBOX_EXAMPLE, { pageCredential, credentials, webhookIds: { [INBOX_TRIGGER]: randomUUID() } });
	const broadcast = await ensureExample(auth, BROADCAST_EXAMPLE, { pageCredential, credentials });

	// An inbox published at an earlier start was activated again as n8n started; publishing it anew
	// makes its trigger subscribe the app at this start's emulator, which remembers nothing.
	if (inbox.workflow.active) await unpublishWorkflow(auth, inbox.workflow.id);
	await publishWorkflow(auth, inbox.workflow.id);
	const path = webhookPathOf({ name: inbox.workflow.name, nodes: inbox.workflow.nodes, connections: {} }, INBOX_TRIGGER);
	await waitForWebhook(auth.baseUrl, path);

	return {
		tableId: table.id,
		clearedRows,
		inbox: { id: inbox.workflow.id, name: inbox.workflow.name, created: inbox.created, webhookUrl: `${auth.baseUrl}/webhook/${path}` },
		broadcast: {
			id: broadcast.workflow.id,
			name: broadcast.workflow.name,
			created: broadcast.created,
			webhookUrl: `${auth.baseUrl}/webhook/${webhookPathOf({ name: broadcast.workflow.name, nodes: broadcast.workflow.nodes, connections: {} }, BROADCAST_WEBHOOK)}`,
		},
	};
}
