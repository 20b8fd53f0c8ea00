/**
 * One way of sending a campaign to a whole audience, in a fresh n8n: the store loaded with the
 * audience (its intake timed), the template published, the campaign started by its webhook and
 * awaited while n8n's memory is sampled, and what n8n's database grew by while it ran.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import type { TokenRow } from '../../nodes/shared/tokens/tokenRow';
import { createBroadcastKey } from '../../scripts/demo/broadcastKey';
import { BROADCAST_EXAMPLE, BROADCAST_WEBHOOK, filledExample } from '../../scripts/demo/exampleWorkflows';
import { createTokenTable } from '../../scripts/demo/tokenTable';
import { createCredential } from '../../scripts/n8n/n8n-api';
import { dataTableRows } from '../../scripts/n8n/n8n-data-tables';
import { createWorkflow, publishWorkflow } from '../../scripts/n8n/n8n-workflows';
import { publicApi, type RunningN8n, waitForWebhook } from '../../scripts/n8n/harness';
import { repoRoot } from '../../scripts/n8n/runtime';
import { insertTokenRowsWithPsql, postgresCredentialData, type ThrowawayPostgres } from '../../scripts/postgres/throwawayPostgres';
import { SHARD_EXAMPLE } from '../../scripts/queue/queueWorkflows';
import { insertTokenRows, PAGED_EXAMPLES, publishPagedCampaign } from '../../test/e2e/pagedCampaign';
import { CAMPAIGN, MESSAGE_TEXT, TARGET_RATE_PER_SECOND } from '../broadcast/conditions';
import type { FreshN8n } from '../broadcast/freshN8n';
import { groupHighWaterBytes, GroupMemorySampler, idleRssBytes, resetHighWater } from '../broadcast/groupMemory';
import type { ContestantPage } from '../broadcast/tokenRows';

export type Way = 'pagedDataTable' | 'pagedPostgres' | 'singleExecution' | 'singleExecutionPostgres';

export const WAY_LABELS: Record<Way, string> = {
	pagedDataTable: 'in pages, Data Table',
	pagedPostgres: 'in pages, PostgreSQL',
	singleExecution: 'one execution, Data Table (broadcast.json)',
	singleExecutionPostgres: 'one execution, PostgreSQL (broadcast-shard-postgres.json, 1 shard)',
};

export const POSTGRES_WAYS: readonly Way[] = ['pagedPostgres', 'singleExecutionPostgres'];

export interface CampaignRun {
	intakeMs: number;
	/** What the store took for the audience: the Data Table's share of n8n's database, or the PostgreSQL table. */
	storeBytes: number;
	baselineBytes: number;
	peakBytes: number;
	/** From the start call until no execution of the workflow runs any more. */
	wallMs: number;
	/** What n8n's own database grew by during the campaign: saved executions (and Data Table updates). */
	databaseGrowthBytes: number;
	/** The tokens whose rows are still `available` after the campaign: a new run sends to them. */
	availableTokens: Set<string>;
	problem?: string;
}

const POLL_MS = 1000;
/** Postgres rows per psql call: Linux caps one argument at 128 KB. */
const PSQL_ROWS = 100;

/** n8n's SQLite database and its write-ahead log. */
function databaseBytes(n8n: RunningN8n): number {
	const base = join(n8n.userFolder, '.n8n', 'database.sqlite');
	return [base, `${base}-wal`].filter(existsSync).reduce((sum, file) => sum + statSync(file).size, 0);
}

export async function runCampaign(
	lab: FreshN8n,
	way: Way,
	page: ContestantPage,
	graphUrl: string,
	pageSize: number,
	/** How long to wait for the campaign before reporting it unfinished (and how far it got). */
	timeLimitMs: number,
	pg?: ThrowawayPostgres,
): Promise<CampaignRun> {
	const n8n = await lab.restart();
	const rows = page.rows as unknown as TokenRow[];
	const pageCredential = await createCredential(n8n, {
		name: 'Bench Page',
		type: 'messengerOtnPageApi',
		data: { accessToken: page.pageToken, appId: page.appId, appSecret: page.appSecret, graphApiVersion: 'v25.0', graphHost: graphUrl },
	});

	const beforeIntake = databaseBytes(n8n);
	const intakeStarted = Date.now();
	let start: (body: Record<string, unknown>) => Promise<void>;
	let workflowId: string;
	let storeBytes: number;
	let availableTokens: () => Promise<Set<string>>;
	if (POSTGRES_WAYS.includes(way)) {
		if (!pg) throw new Error('PostgreSQL is needed for this way');
		const postgres = pg;
		pg.query(readFileSync(join(repoRoot, 'examples', 'otn-tokens.postgres.sql'), 'utf8'));
		pg.query('TRUNCATE otn_tokens');
		insertTokenRowsWithPsql((sql) => postgres.query(sql), rows, PSQL_ROWS);
		// psql runs synchronously: let the event loop see the idle connections n8n closed meanwhile,
		// or the next API call writes to a closed socket (EPIPE).
		await delay(1000);
		storeBytes = Number(pg.query(`SELECT pg_total_relation_size('otn_tokens')`));
		availableTokens = async () => new Set(postgres.query(`SELECT "token" FROM otn_tokens WHERE "status" = 'available'`).split('\n').filter(Boolean));
		const credential = await createCredential(n8n, {
			name: 'Bench Postgres',
			type: 'postgres',
			data: postgresCredentialData(pg),
		});
		// The shard example run as the only shard is today's one-execution broadcast on PostgreSQL.
		({ start, workflowId } =
			way === 'pagedPostgres'
				? await publishPagedCampaign(n8n, { file: PAGED_EXAMPLES.postgres, pageCredential, credentials: { postgres: credential } })
				: await publishPagedCampaign(n8n, { file: SHARD_EXAMPLE, startNode: 'Shard Start', pageCredential, credentials: { postgres: credential } }));
	} else {
		const table = await createTokenTable(n8n, `otn_tokens_${way}`);
		await insertTokenRows(n8n, table.id, rows);
		storeBytes = databaseBytes(n8n) - beforeIntake;
		availableTokens = async () => new Set((await dataTableRows(n8n, table.id)).filter((row) => row.status === 'available').map((row) => String(row.token)));
		if (way === 'pagedDataTable') {
			({ start, workflowId } = await publishPagedCampaign(n8n, { file: PAGED_EXAMPLES.dataTable, pageCredential, tableId: table.id }));
		} else {
			({ start, workflowId } = await publishSingleExecution(n8n, pageCredential, table.id));
		}
	}
	const intakeMs = Date.now() - intakeStarted;

	const baselineBytes = await idleRssBytes(n8n.pid);
	const highWaterReset = resetHighWater(n8n.pid);
	const sampler = new GroupMemorySampler(n8n.pid);
	const beforeCampaign = databaseBytes(n8n);
	sampler.start();
	const started = Date.now();
	let problem: string | undefined;
	try {
		await start({ topic: 'deals', pageSize, shardCount: 1, shardNumber: 1, ratePerSecond: TARGET_RATE_PER_SECOND, campaign: CAMPAIGN, text: MESSAGE_TEXT });
		problem = await waitUntilIdle(n8n, workflowId, timeLimitMs);
	} catch (error) {
		problem = error instanceof Error ? error.message : String(error);
	}
	const sampledPeak = sampler.stop();
	const peakBytes = Math.max(sampledPeak, highWaterReset ? groupHighWaterBytes(n8n.pid) : 0);
	const wallMs = Date.now() - started;
	const databaseGrowthBytes = databaseBytes(n8n) - beforeCampaign;
	const available = await availableTokens();
	await lab.stop();
	return { intakeMs, storeBytes, baselineBytes, peakBytes, wallMs, databaseGrowthBytes, availableTokens: available, problem };
}

/** examples/broadcast.json, today's one-execution broadcast, at the same rate and text. */
async function publishSingleExecution(n8n: RunningN8n, pageCredential: { id: string; name: string }, tableId: string) {
	const key = await createBroadcastKey(n8n, 'Bench broadcast key');
	const workflow = filledExample(BROADCAST_EXAMPLE, { pageCredential, credentials: { httpHeaderAuth: key.credential }, dataTableId: tableId });
	for (const node of workflow.nodes) {
		if (node.name === 'OTN Broadcast') node.parameters = { ...node.parameters, campaign: CAMPAIGN, text: MESSAGE_TEXT, ratePerSecond: TARGET_RATE_PER_SECOND };
	}
	const workflowId = await createWorkflow(n8n, workflow);
	await publishWorkflow(n8n, workflowId);
	const path = String(workflow.nodes.find((node) => node.name === BROADCAST_WEBHOOK)?.parameters.path);
	await waitForWebhook(n8n.baseUrl, path);
	const start = async () => {
		const response = await fetch(`${n8n.baseUrl}/webhook/${path}`, { method: 'POST', headers: key.headers });
		if (response.status !== 200) throw new Error(`Start by Webhook answered ${response.status}`);
	};
	return { start, workflowId };
}

/**
 * Waits until the workflow has had a running execution and none runs any more (the public API lists
 * running executions only when asked for them). A campaign in pages keeps its own execution running
 * from the first page to the last; its successful page executions are not saved, failed ones are.
 */
async function waitUntilIdle(n8n: RunningN8n, workflowId: string, timeoutMs: number): Promise<string | undefined> {
	const list = (status: string) =>
		publicApi<{ data: unknown[] }>(n8n, 'GET', `/executions?workflowId=${encodeURIComponent(workflowId)}&status=${status}&limit=250`).then(
			(page) => page.data.length,
			() => undefined,
		);
	const deadline = Date.now() + timeoutMs;
	let seenRunning = false;
	while (Date.now() < deadline) {
		const running = await list('running');
		if (running) seenRunning = true;
		else if (running === 0 && seenRunning) {
			const failed = await list('error');
			return failed ? `${failed} execution(s) failed` : undefined;
		}
		await delay(POLL_MS);
	}
	return `unfinished: still running when the bench's time limit of ${(timeoutMs / 1000).toFixed(0)} s ran out`;
}
