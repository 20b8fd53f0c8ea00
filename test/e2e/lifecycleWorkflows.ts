/**
 * The lifecycle test's n8n side: its own Data Table and the two example workflows as shipped,
 * with only the Page credential, the broadcast's Header Auth key, the table id and the webhook ids
 * and paths filled in. The inbox's trigger subscribes the test's app at the emulator when it is
 * published, as it would at Meta.
 */
import { randomUUID } from 'node:crypto';

import {
	BROADCAST_EXAMPLE,
	BROADCAST_WEBHOOK,
	filledExample,
	INBOX_EXAMPLE,
	INBOX_TRIGGER,
	webhookPathOf,
} from '../../scripts/demo/exampleWorkflows';
import { createBroadcastKey } from '../../scripts/demo/broadcastKey';
import { createTokenTable } from '../../scripts/demo/tokenTable';
import { dataTableRows } from '../../scripts/n8n/n8n-data-tables';
import { createWorkflow, publishWorkflow, unpublishWorkflow } from '../../scripts/n8n/n8n-workflows';
import { publicApi } from '../../scripts/n8n/rest-client';
import { waitForWebhook } from '../../scripts/n8n/wait-webhook';
import type { E2eInstance } from './e2e-instance';
import type { E2ePage } from './messengerPage';
import { waitFor } from './waitFor';

export interface PublishedWorkflow {
	workflowId: string;
	url: string;
}

export interface LifecycleWorkflows {
	tableId: string;
	inbox: PublishedWorkflow;
	/** Its Start by Webhook takes calls with these headers (the Header Auth key) only. */
	broadcast: PublishedWorkflow & { headers: Record<string, string> };
	rows(): Promise<Array<Record<string, unknown>>>;
	unpublish(): Promise<void>;
}

export async function publishLifecycleWorkflows(n8n: E2eInstance, page: E2ePage): Promise<LifecycleWorkflows> {
	const table = await createTokenTable(n8n, `otn_tokens_lifecycle_${page.app.appId}`);
	const fill = { pageCredential: page.credential, dataTableId: table.id };

	const inbox = filledExample(INBOX_EXAMPLE, { ...fill, webhookIds: { [INBOX_TRIGGER]: randomUUID() } });
	const inboxId = await createWorkflow(n8n, { ...inbox, name: `${inbox.name} (${page.app.appId})` });
	await publishWorkflow(n8n, inboxId);
	const subscribed = await waitFor(
		async () => (await page.control.webhookSubscriptions({ appId: page.app.appId }))[0],
		(state) => state.subscription?.active === true && state.pages.length > 0,
	);
	const inboxUrl = `${n8n.baseUrl}/webhook/${webhookPathOf(inbox, INBOX_TRIGGER)}`;
	expect(subscribed.subscription?.callbackUrl).toBe(inboxUrl);

	// A path of its own, so it cannot meet another workflow's webhook in the shared n8n.
	const startId = randomUUID();
	const key = await createBroadcastKey(n8n, `Lifecycle broadcast key (${page.app.appId})`);
	const broadcast = filledExample(BROADCAST_EXAMPLE, {
		...fill,
		credentials: { httpHeaderAuth: key.credential },
		webhookIds: { [BROADCAST_WEBHOOK]: startId },
		webhookPaths: { [BROADCAST_WEBHOOK]: startId },
	});
	const broadcastId = await createWorkflow(n8n, { ...broadcast, name: `${broadcast.name} (${page.app.appId})` });
	await publishWorkflow(n8n, broadcastId);
	const startPath = webhookPathOf(broadcast, BROADCAST_WEBHOOK);
	await waitForWebhook(n8n.baseUrl, startPath);

	return {
		tableId: table.id,
		inbox: { workflowId: inboxId, url: inboxUrl },
		broadcast: { workflowId: broadcastId, url: `${n8n.baseUrl}/webhook/${startPath}`, headers: key.headers },
		rows: () => dataTableRows(n8n, table.id),
		unpublish: async () => {
			await unpublishWorkflow(n8n, inboxId);
			await unpublishWorkflow(n8n, broadcastId);
		},
	};
}

interface ExecutionSummary {
	id: string;
	status: string;
}

/** Finished executions of a workflow, without their data (the inbox's run to hundreds of items). */
export async function finishedExecutions(n8n: E2eInstance, workflowId: string): Promise<ExecutionSummary[]> {
	const all: ExecutionSummary[] = [];
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({ workflowId, limit: '250', ...(cursor ? { cursor } : {}) });
		const page = await publicApi<{ data: ExecutionSummary[]; nextCursor?: string | null }>(n8n, 'GET', `/executions?${query}`);
		all.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all.filter((execution) => !['running', 'new', 'waiting'].includes(execution.status));
}
