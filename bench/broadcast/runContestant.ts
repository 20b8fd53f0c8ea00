/**
 * One contestant in a fresh n8n: its workflow published, n8n's idle memory measured, the rows
 * posted to its webhook, the execution awaited while n8n's memory is sampled, then read back.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';

import type { IDataObject } from 'n8n-workflow';

import { createCredential } from '../../scripts/n8n/n8n-api';
import { createWorkflow, type Execution, publishWorkflow } from '../../scripts/n8n/n8n-workflows';
import { publicApi, type RunningN8n, waitForWebhook } from '../../scripts/n8n/harness';
import { isGroupAlive } from '../../scripts/n8n/process-group';
import type { Contestant } from './contestants';
import type { FreshN8n } from './freshN8n';
import { groupHighWaterBytes, GroupMemorySampler, idleRssBytes, resetHighWater } from './groupMemory';
import type { ContestantPage } from './tokenRows';

export interface ContestantRun {
	/** Undefined when the execution did not end in time. */
	execution: Execution | undefined;
	baselineBytes: number;
	/** Highest group RSS seen by sampling every 250 ms. */
	sampledPeakBytes: number;
	/** The kernel's peak RSS of the group's processes during the run (catches short spikes); undefined if /proc refused the reset. */
	highWaterBytes: number | undefined;
	/** The peak used in the figures: the high-water mark, else the sampled one. */
	peakBytes: number;
	/** From posting the rows to the end of the execution. */
	wallMs: number;
	/** Why the benchmark could not read the execution, if it could not. */
	problem?: string;
}

const POLL_MS = 500;

export async function runContestant(lab: FreshN8n, contestant: Contestant, page: ContestantPage, graphUrl: string): Promise<ContestantRun> {
	const n8n = await lab.restart();
	const credential = contestant.sends
		? await createCredential(n8n, {
				name: 'Bench Page',
				type: 'messengerOtnPageApi',
				data: { accessToken: page.pageToken, appId: page.appId, appSecret: page.appSecret, graphApiVersion: 'v25.0', graphHost: graphUrl },
			})
		: { id: '' };
	const webhookPath = randomUUID();
	const workflowId = await createWorkflow(n8n, {
		name: contestant.label,
		...contestant.workflow({ webhookPath, graphUrl, pageToken: page.pageToken, credentialId: credential.id }),
		settings: { executionOrder: 'v1' },
	});
	await publishWorkflow(n8n, workflowId);
	await waitForWebhook(n8n.baseUrl, webhookPath);

	const baselineBytes = await idleRssBytes(n8n.pid);
	const highWaterReset = resetHighWater(n8n.pid);
	const sampler = new GroupMemorySampler(n8n.pid);
	sampler.start();
	const started = Date.now();
	let ended: Ended = { problem: 'the rows never reached n8n' };
	let sampledPeakBytes = 0;
	let highWaterBytes: number | undefined;
	try {
		await postRows(`${n8n.baseUrl}/webhook/${webhookPath}`, page.rows);
		ended = await waitForEnd(n8n, workflowId, timeoutMs(contestant));
	} finally {
		sampledPeakBytes = sampler.stop();
		highWaterBytes = highWaterReset ? groupHighWaterBytes(n8n.pid) : undefined;
	}
	const wallMs = Date.now() - started;
	// Read after sampling: serving a large execution costs n8n memory of its own.
	const execution = ended.execution && (await patiently(n8n, () => publicApi<Execution>(n8n, 'GET', `/executions/${ended.execution!.id}?includeData=true`)));
	await lab.stop();
	const peakBytes = Math.max(sampledPeakBytes, highWaterBytes ?? 0);
	return { execution, baselineBytes, sampledPeakBytes, highWaterBytes, peakBytes, wallMs, problem: ended.problem };
}

async function postRows(url: string, rows: IDataObject[]): Promise<void> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rows) });
	if (!response.ok) throw new Error(`the webhook answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
}

/** Generous: four times the time at the target rate, or the template's pace, plus start-up. */
function timeoutMs(contestant: Contestant): number {
	return 120_000 + contestant.tokens * (contestant.key === 'template' ? 4000 : 16);
}

type Ended = { execution?: Execution; problem?: string };

async function waitForEnd(n8n: RunningN8n, workflowId: string, timeout: number): Promise<Ended> {
	const deadline = Date.now() + timeout;
	while (Date.now() < deadline) {
		const page = await patiently(n8n, () =>
			publicApi<{ data: Execution[] }>(n8n, 'GET', `/executions?workflowId=${encodeURIComponent(workflowId)}&limit=1`),
		);
		const latest = page.data[0];
		if (latest && !['new', 'running', 'waiting'].includes(latest.status)) return { execution: latest };
		await delay(POLL_MS);
	}
	return { problem: `the execution did not end within ${(timeout / 1000).toFixed(0)} s` };
}

/**
 * A call to an n8n busy with thousands of requests of its own may meet a reset keep-alive
 * connection: try again a few times, as long as n8n is alive.
 */
async function patiently<T>(n8n: RunningN8n, call: () => Promise<T>, attempts = 10): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await call();
		} catch (error) {
			if (attempt >= attempts || !isGroupAlive(n8n.pid)) throw error;
			await delay(1000);
		}
	}
}
