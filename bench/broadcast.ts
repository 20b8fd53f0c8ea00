/**
 * Benchmark of OTN Broadcast against the do-it-yourself workflows: in a real n8n, against the emulator playing Meta with
 * 100 ms ± 30 ms latency, 300 calls/s per Page and 1% HTTP 500s, this node and the do-it-yourself
 * workflows a user would otherwise build each send to fresh one-time tokens of their own Page.
 * Prints figures and writes them to bench/results/; asserts nothing about time.
 *
 *   npm run bench:broadcast                 the published run (10,000 tokens, about 10 minutes)
 *   npx tsx bench/broadcast.ts --tokens=500 a quick trial
 *   npx tsx bench/broadcast.ts --node-only  OTN Broadcast (10000) alone, printed only: a check of its
 *                                           rate, where its time goes, and the machine's load average
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { EmulatorClient } from '../emulator/client';
import { type RunningEmulator, startEmulator } from '../emulator/server';
import { ensureN8nInstalled, packPackage } from '../scripts/n8n/harness';
import {
	EMULATOR_SEED,
	nodeOnlyFrom,
	PAGE_LIMIT_PER_SECOND,
	setBenchConditions,
	sizesFrom,
	TARGET_RATE_PER_SECOND,
} from './broadcast/conditions';
import { type Contestant, contestants } from './broadcast/contestants';
import { FreshN8n } from './broadcast/freshN8n';
import { type LiveHeap, liveHeapOfBroadcast, WARM_UP_TOKENS } from './broadcast/liveHeap';
import { type Outcome, outcomeOf } from './broadcast/outcome';
import { rateBreakdown, type RateBreakdown } from './broadcast/rateBreakdown';
import { formatReport } from './broadcast/report';
import { loadAverage } from './broadcast/textTable';
import { type ContestantRun, runContestant } from './broadcast/runContestant';
import { type ContestantPage, pageWithTokens } from './broadcast/tokenRows';

const started = Date.now();
function progress(message: string): void {
	console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

async function main(): Promise<void> {
	const sizes = sizesFrom(process.argv.slice(2));
	const nodeOnly = nodeOnlyFrom(process.argv.slice(2));
	const field = contestants(sizes).filter((contestant) => !nodeOnly || contestant.key === 'node');
	progress('n8n runtime, build and pack');
	await ensureN8nInstalled({ quiet: true });
	const packDir = mkdtempSync(join(tmpdir(), 'bench-broadcast-pack-'));
	let emulator: RunningEmulator | undefined;
	let lab: FreshN8n | undefined;
	try {
		lab = new FreshN8n(packPackage({ destination: packDir }));
		emulator = await startEmulator({ port: 0, seed: EMULATOR_SEED, rateLimitPerSecond: PAGE_LIMIT_PER_SECOND });
		const control = new EmulatorClient(emulator.url);
		await setBenchConditions(control);

		const pages = await issueTokens(control, field);
		const loadBefore = loadavg();
		const outcomes: Outcome[] = [];
		const breakdowns: Array<RateBreakdown | undefined> = [];
		for (const contestant of field) {
			progress(`${contestant.label}: running`);
			const page = pages.get(contestant.key)!;
			// One contestant failing (n8n overwhelmed, say) is a figure too; the others still run.
			const run = await runContestant(lab, contestant, page, emulator.url).catch((error: unknown) => failedRun(error));
			const deliveries = contestant.sends ? await control.deliveries({ pageId: page.pageId }) : [];
			const stats = contestant.sends ? (await control.stats()).pages.find((entry) => entry.key === page.pageId) : undefined;
			const outcome = outcomeOf(contestant, page.rows, run, deliveries, stats);
			outcomes.push(outcome);
			breakdowns.push(rateBreakdown(run.execution, contestant.reportingNode, deliveries));
			progress(`${contestant.label}: ${outcome.status}, ${outcome.delivered} delivered in ${(outcome.sendingMs / 1000).toFixed(1)} s`);
		}

		const liveHeaps: LiveHeap[] = [];
		for (const tokens of nodeOnly ? [] : [sizes.small, sizes.full]) {
			progress(`OTN Broadcast (${tokens}) alone in n8n-core's engine, for its live heap: issuing tokens and running`);
			liveHeaps.push(await liveHeapOfBroadcast(await pageWithTokens(control, tokens + WARM_UP_TOKENS), emulator.url));
		}

		if (nodeOnly) {
			outcomes.forEach((outcome, index) => console.log(nodeOnlyLine(outcome, breakdowns[index])));
			console.log(`load average (1, 5, 15 min) before ${loadAverage(loadBefore)}, after ${loadAverage(loadavg())} on ${cpus().length} CPUs`);
			return;
		}
		const report = formatReport({ sizes, outcomes, liveHeaps, startedAt: new Date(started), totalSeconds: (Date.now() - started) / 1000, loadBefore, loadAfter: loadavg() });
		console.log(report);
		const resultsDir = join(__dirname, 'results');
		mkdirSync(resultsDir, { recursive: true });
		const file = join(resultsDir, `broadcast-${new Date(started).toISOString().slice(0, 10)}.txt`);
		writeFileSync(file, `${report}\n`);
		progress(`figures written to ${file}`);
	} finally {
		await lab?.dispose();
		await emulator?.close();
		rmSync(packDir, { recursive: true, force: true });
	}
}

/** Lines for --node-only: the rate against the configured one, how the emulator counted it, where the time went. */
function nodeOnlyLine(outcome: Outcome, breakdown: RateBreakdown | undefined): string {
	const share = (rate: number) => `${((rate / TARGET_RATE_PER_SECOND) * 100).toFixed(1)}%`;
	const line = `${outcome.contestant.label}: ${outcome.delivered} delivered in ${(outcome.sendingMs / 1000).toFixed(1)} s, ${outcome.deliveredPerSecond.toFixed(1)} msg/s (${share(outcome.deliveredPerSecond)} of ${TARGET_RATE_PER_SECOND}/s), ${outcome.calls} calls, peak ${outcome.peakAcceptedPerSecond} calls/s, ${outcome.rateLimited} rate-limited, ${outcome.lost} lost, ${outcome.duplicates} duplicates; hint: ${outcome.hints.join(' ')}`;
	if (!breakdown) return line;
	return `${line}\n  where the time went: ${breakdown.startUpSeconds.toFixed(2)} s from the node's start to the first delivery, ${breakdown.steadyPerSecond.toFixed(1)} msg/s (${share(breakdown.steadyPerSecond)}) between the first and the last tenth of the deliveries, ${breakdown.tailSeconds.toFixed(2)} s from the last delivery to the node's end`;
}

function failedRun(error: unknown): ContestantRun {
	const message = error instanceof Error ? error.message : String(error);
	progress(`  failed: ${message}`);
	return { execution: undefined, baselineBytes: 0, sampledPeakBytes: 0, highWaterBytes: undefined, peakBytes: 0, wallMs: 0, problem: `not measured: ${message.slice(0, 200)}` };
}

/** Fresh tokens on a Page of its own for each contestant that sends; the controls reuse the node's rows. */
async function issueTokens(control: EmulatorClient, field: Contestant[]): Promise<Map<string, ContestantPage>> {
	const pages = new Map<string, ContestantPage>();
	for (const contestant of field.filter((entry) => entry.sends)) {
		progress(`issuing ${contestant.tokens} one-time tokens for ${contestant.label}`);
		pages.set(contestant.key, await pageWithTokens(control, contestant.tokens));
	}
	const rowsOf = (key: string) => pages.get(key)!;
	for (const contestant of field.filter((entry) => !entry.sends)) {
		const source = rowsOf('node');
		pages.set(contestant.key, { ...source, rows: source.rows.slice(0, contestant.tokens) });
	}
	return pages;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
