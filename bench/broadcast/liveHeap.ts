/**
 * What OTN Broadcast itself holds while it sends, which n8n's RSS cannot tell apart from garbage
 * V8 has not collected yet: the node runs here, in n8n-core's engine (the contract tests'
 * harness), on the built package, with a full garbage collection every half second.
 */
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import type { INodeType } from 'n8n-workflow';

import { repoRoot } from '../../scripts/n8n/runtime';
import { runNode } from '../../test/harness/n8nEngine';
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

const GC_EVERY_MS = 500;

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function liveBytes(): number {
	collect();
	return process.memoryUsage().heapUsed;
}

export async function liveHeapOfBroadcast(page: ContestantPage, graphUrl: string): Promise<LiveHeap> {
	const { OtnBroadcast } = (await import(join(repoRoot, 'dist', 'nodes', 'OtnBroadcast', 'OtnBroadcast.node.js'))) as { OtnBroadcast: new () => INodeType };
	const tokens = page.rows.length;
	const beforeRows = liveBytes();
	const input = structuredClone(page.rows);
	const base = liveBytes();
	let peak = 0;
	const timer = setInterval(() => (peak = Math.max(peak, liveBytes() - base)), GC_EVERY_MS);
	let run: Awaited<ReturnType<typeof runNode>>;
	try {
		run = await runNode({
			node: new OtnBroadcast(),
			parameters: broadcastParameters(),
			input,
			credentials: {
				messengerOtnPageApi: { accessToken: page.pageToken, appId: page.appId, appSecret: page.appSecret, graphApiVersion: 'v25.0', graphHost: graphUrl },
			},
		});
	} finally {
		clearInterval(timer);
	}
	const after = liveBytes() - base;
	return {
		tokens,
		rowBytesPerToken: (base - beforeRows) / tokens,
		peakBytesPerToken: Math.max(peak, after) / tokens,
		outputBytesPerToken: after / tokens,
		hint: run.hints[0]?.message,
	};
}
