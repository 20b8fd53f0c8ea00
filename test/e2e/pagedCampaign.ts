/**
 * A campaign-in-pages template (examples/broadcast-in-pages-*.json) as shipped, published in an n8n
 * with only what a user fills in: the Page credential, the Header Auth key of *Start by Webhook*, the
 * Data Table (by id) or the Postgres credential, and the start webhook's id and path (unique, so it
 * cannot meet another workflow's webhook).
 * Its token rows go in as an intake would have stored them.
 */
import { randomUUID } from 'node:crypto';

import type { TokenRow } from '../../nodes/shared/tokens/tokenRow';
import { createBroadcastKey } from '../../scripts/demo/broadcastKey';
import { filledExample } from '../../scripts/demo/exampleWorkflows';
import { insertDataTableRows } from '../../scripts/n8n/n8n-data-tables';
import { createWorkflow, publishWorkflow } from '../../scripts/n8n/n8n-workflows';
import type { N8nAuth } from '../../scripts/n8n/rest-client';
import { waitForWebhook } from '../../scripts/n8n/wait-webhook';

export const PAGED_EXAMPLES = { dataTable: 'broadcast-in-pages-data-table.json', postgres: 'broadcast-in-pages-postgres.json' } as const;
const START = 'Start by Webhook';
/** Rows per insert call: well within the public API's body limit. */
const INSERT_BATCH = 500;

export interface PagedCampaignFill {
	file: string;
	pageCredential: { id: string; name: string };
	/** The Data Table's id (Data Table template). */
	tableId?: string;
	/** Saved credentials by type, e.g. the Postgres credential (PostgreSQL template). */
	credentials?: Record<string, { id: string; name: string }>;
	/** Workflow settings to change, e.g. to keep successful executions for a test to read. */
	settings?: Record<string, unknown>;
	/** The webhook node that starts it, when not *Start by Webhook* (the shard example's is *Shard Start*). */
	startNode?: string;
}

export interface PagedCampaign {
	workflowId: string;
	/** Starts a campaign; `body` sets what *Campaign Settings* reads (pageSize, ratePerSecond, campaign, after …). */
	start(body: Record<string, unknown>): Promise<void>;
}

export async function publishPagedCampaign(n8n: N8nAuth & { baseUrl: string }, fill: PagedCampaignFill): Promise<PagedCampaign> {
	const webhookId = randomUUID();
	const startNode = fill.startNode ?? START;
	const key = await createBroadcastKey(n8n, `Paged campaign key (${webhookId})`);
	const workflow = filledExample(fill.file, {
		pageCredential: fill.pageCredential,
		credentials: { ...fill.credentials, httpHeaderAuth: key.credential },
		dataTableId: fill.tableId,
		webhookIds: { [startNode]: webhookId },
		webhookPaths: { [startNode]: webhookId },
	});
	const workflowId = await createWorkflow(n8n, { ...workflow, name: `${workflow.name} (${webhookId})`, settings: { ...workflow.settings, ...fill.settings } });
	await publishWorkflow(n8n, workflowId);
	await waitForWebhook(n8n.baseUrl, webhookId);
	return {
		workflowId,
		async start(body) {
			const response = await fetch(`${n8n.baseUrl}/webhook/${webhookId}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...key.headers },
				body: JSON.stringify(body),
			});
			await response.text();
			if (response.status !== 200) throw new Error(`Start by Webhook answered ${response.status}`);
		},
	};
}

export async function insertTokenRows(n8n: N8nAuth, tableId: string, rows: TokenRow[]): Promise<void> {
	for (let start = 0; start < rows.length; start += INSERT_BATCH) {
		await insertDataTableRows(n8n, tableId, rows.slice(start, start + INSERT_BATCH) as unknown as Array<Record<string, unknown>>);
	}
}
