/**
 * Workflows and their executions through n8n's public API (2.40.7):
 *   POST /api/v1/workflows                     create (nodes, connections, settings)
 *   POST /api/v1/workflows/:id/publish         publish (what 1.x called activate): webhooks go live
 *   POST /api/v1/workflows/:id/unpublish       unpublish: webhooks removed, trigger delete() runs
 *   (n8n versions without these routes: /activate and /deactivate, tried when /publish answers 404 or 405)
 *   DELETE /api/v1/workflows/:id
 *   GET  /api/v1/executions?workflowId=&includeData=true
 */
import { poll } from '../common/poll';

import { type N8nAuth, N8nHttpError, publicApi } from './rest-client';

export interface WorkflowDefinition {
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

export interface Execution {
	id: string;
	status: string;
	finished: boolean;
	workflowId: string;
	data?: {
		resultData: {
			runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: { message: string } }>>;
			error?: { message: string };
		};
	};
}

export async function createWorkflow(auth: N8nAuth, workflow: WorkflowDefinition): Promise<string> {
	const created = await publicApi<{ id: string }>(auth, 'POST', '/workflows', { settings: {}, ...workflow });
	return created.id;
}

export async function publishWorkflow(auth: N8nAuth, id: string): Promise<void> {
	await postEither(auth, `/workflows/${id}`, 'publish', 'activate');
}

export async function unpublishWorkflow(auth: N8nAuth, id: string): Promise<void> {
	await postEither(auth, `/workflows/${id}`, 'unpublish', 'deactivate');
}

/** The compatibility matrix also drives n8n versions whose public API only knows the older route. */
async function postEither(auth: N8nAuth, path: string, current: string, older: string): Promise<void> {
	try {
		await publicApi(auth, 'POST', `${path}/${current}`, {});
	} catch (error) {
		// An unknown route: 404, or in 1.x 405 ("POST method not allowed").
		if (!(error instanceof N8nHttpError && (error.status === 404 || error.status === 405))) throw error;
		await publicApi(auth, 'POST', `${path}/${older}`, {});
	}
}

export async function deleteWorkflow(auth: N8nAuth, id: string): Promise<void> {
	await publicApi(auth, 'DELETE', `/workflows/${id}`);
}

/** Executions of a workflow, newest first, with their data. */
export async function executions(auth: N8nAuth, workflowId: string): Promise<Execution[]> {
	const page = await publicApi<{ data: Execution[] }>(
		auth,
		'GET',
		`/executions?workflowId=${encodeURIComponent(workflowId)}&includeData=true&limit=250`,
	);
	return page.data;
}

/** Waits until a workflow has at least `count` finished executions (or the time is up). */
export async function waitForExecutions(
	auth: N8nAuth,
	workflowId: string,
	count: number,
	timeoutMs = 30_000,
): Promise<Execution[]> {
	const finished = async () => (await executions(auth, workflowId)).filter((execution) => execution.status !== 'running' && execution.status !== 'new');
	return poll(finished, (found) => found.length >= count, timeoutMs, 250);
}

/** The items a node put out on its first output, across its runs of one execution. */
export function nodeOutput(execution: Execution, nodeName: string, outputIndex = 0): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[nodeName] ?? [];
	return runs.flatMap((run) => run.data?.main[outputIndex] ?? []).map((item) => item.json);
}
