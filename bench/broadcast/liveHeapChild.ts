/**
 * Child process of liveHeap.ts: runs OTN Broadcast (the built package) in n8n-core's engine, the
 * contract tests' harness, with a full garbage collection every half second, and prints what was
 * live as one JSON line. Alone in its process, so the collections stall no one else.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { runNode } from '../../test/harness/n8nEngine';

export interface LiveHeapJob {
	nodeModule: string;
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Sent first and not counted: loads what every run needs. */
	warmUpRows: IDataObject[];
	rows: IDataObject[];
}

export interface LiveHeapResult {
	rowBytes: number;
	peakBytes: number;
	outputBytes: number;
	hint: string | undefined;
}

const GC_EVERY_MS = 500;

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function liveBytes(): number {
	collect();
	return process.memoryUsage().heapUsed;
}

async function main(jobFile: string): Promise<void> {
	const job = JSON.parse(readFileSync(jobFile, 'utf8')) as LiveHeapJob;
	const { OtnBroadcast } = (await import(job.nodeModule)) as { OtnBroadcast: new () => INodeType };
	const run = (input: IDataObject[]) => runNode({ node: new OtnBroadcast(), parameters: job.parameters, input, credentials: job.credentials });
	await run(job.warmUpRows);

	const beforeCopy = liveBytes();
	// The items as n8n hands them to the node, parsed once more: their heap is the rows' own size.
	const input = structuredClone(job.rows);
	const rowBytes = liveBytes() - beforeCopy;
	job.rows = [];
	const base = liveBytes();
	let peak = 0;
	const timer = setInterval(() => (peak = Math.max(peak, liveBytes() - base)), GC_EVERY_MS);
	const result = await run(input).finally(() => clearInterval(timer));
	const after = liveBytes() - base;
	const answer: LiveHeapResult = {
		rowBytes,
		peakBytes: Math.max(peak, after),
		outputBytes: after,
		hint: result.hints[0]?.message,
	};
	process.stdout.write(`${JSON.stringify(answer)}\n`);
}

main(process.argv[2]).catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
