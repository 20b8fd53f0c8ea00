/**
 * Executions of a queue-mode n8n, read straight from its PostgreSQL database: thousands of them
 * are counted in one query, where the public API would page through them 250 at a time.
 */
import { poll } from '../common/poll';
import type { QueueStack } from './queueStack';

export interface ExecutionCounts {
	/** Execution ids in the order they were created. */
	ids: string[];
	statusOf: Record<string, string>;
	byStatus: Record<string, number>;
	/** Executions that have ended, whatever their status. */
	finished: number;
}

const UNFINISHED = new Set(['new', 'running', 'waiting']);

export function executionsOf(stack: QueueStack, workflowId: string): ExecutionCounts {
	const lines = stack.postgres.query(`SELECT id, status FROM execution_entity WHERE "workflowId" = '${workflowId.replace(/'/g, "''")}' ORDER BY id`);
	const counts: ExecutionCounts = { ids: [], statusOf: {}, byStatus: {}, finished: 0 };
	for (const line of lines.split('\n').filter(Boolean)) {
		const [id, status] = line.split('|');
		counts.ids.push(id);
		counts.statusOf[id] = status;
		counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
		if (!UNFINISHED.has(status)) counts.finished++;
	}
	return counts;
}

/** Polls `probe` until it returns a value, or fails after `timeoutMs` with what it last saw. */
export async function waitUntil<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, everyMs = 500): Promise<T> {
	const value = await poll(probe, (seen) => seen !== undefined, timeoutMs, everyMs);
	if (value === undefined) throw new Error(`Gave up waiting after ${timeoutMs / 1000} s`);
	return value;
}
