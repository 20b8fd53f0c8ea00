/**
 * What OTN Broadcast itself holds while it sends, which n8n's RSS cannot tell apart from garbage
 * V8 has not collected yet: the built node runs in a child process of its own (liveHeapChild.ts)
 * against the same emulator, with a full garbage collection every half second.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { repoRoot } from '../../scripts/n8n/runtime';
import type { LiveHeapJob, LiveHeapResult } from './liveHeapChild';
import type { ContestantPage } from './tokenRows';
import { broadcastParameters } from './workflowNodes';

export interface LiveHeap {
	tokens: number;
	/** Heap the input rows take, per token: the items themselves. */
	rowBytesPerToken: number;
	/** Highest live heap during the broadcast above what was live before it, per token. */
	peakBytesPerToken: number;
	/** Live heap left once it returned (the rows it puts out), per token. */
	outputBytesPerToken: number;
	hint: string | undefined;
}

const run = promisify(execFile);

/** Messages sent first and not counted: they load what every run needs (modules, the engine). */
export const WARM_UP_TOKENS = 20;

/** Broadcasts the page's rows: the first WARM_UP_TOKENS uncounted, the rest measured. */
export async function liveHeapOfBroadcast(page: ContestantPage, graphUrl: string): Promise<LiveHeap> {
	const job: LiveHeapJob = {
		nodeModule: join(repoRoot, 'dist', 'nodes', 'OtnBroadcast', 'OtnBroadcast.node.js'),
		parameters: broadcastParameters(),
		credentials: {
			messengerOtnPageApi: { accessToken: page.pageToken, appId: page.appId, appSecret: page.appSecret, graphApiVersion: 'v25.0', graphHost: graphUrl },
		},
		warmUpRows: page.rows.slice(0, WARM_UP_TOKENS),
		rows: page.rows.slice(WARM_UP_TOKENS),
	};
	const dir = mkdtempSync(join(tmpdir(), 'bench-live-heap-'));
	try {
		const jobFile = join(dir, 'job.json');
		writeFileSync(jobFile, JSON.stringify(job));
		// Same Node and the same tsx loader as this process.
		const { stdout } = await run(process.execPath, [...process.execArgv, join(__dirname, 'liveHeapChild.ts'), jobFile], { maxBuffer: 1 << 20, timeout: 600_000 });
		const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as LiveHeapResult;
		const tokens = job.rows.length;
		return {
			tokens,
			rowBytesPerToken: result.rowBytes / tokens,
			peakBytesPerToken: result.peakBytes / tokens,
			outputBytesPerToken: result.outputBytes / tokens,
			hint: result.hint,
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
