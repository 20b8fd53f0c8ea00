/**
 * Benchmark of a whole audience: one campaign to N one-time tokens (100,000 by default) at 250/s
 * against the emulator playing Meta (the conditions of bench:broadcast), sent four ways, each in a
 * fresh n8n with its own Page: in pages through the Data Table template, in pages through the
 * PostgreSQL template, and in one execution, with a Data Table (examples/broadcast.json) and with
 * PostgreSQL (examples/broadcast-shard-postgres.json as the only shard). Prints delivered,
 * duplicates, lost, msg/s, n8n's peak memory and database growth, and the store's intake; writes
 * them to bench/results/. A way still running after --time-limit seconds is reported with how far
 * it got. Asserts nothing about time.
 *
 *   npm run bench:audience                              the published run (100,000 tokens)
 *   npx tsx bench/audience.ts --tokens=20000            a smaller audience
 *   npx tsx bench/audience.ts --tokens=2000 --page-size=500 --ways=pagedPostgres,singleExecution
 *   npx tsx bench/audience.ts --ways=pagedDataTable --time-limit=300   how far a Data Table gets in 5 minutes
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { EmulatorClient } from '../emulator/client';
import { type RunningEmulator, startEmulator } from '../emulator/server';
import { ensureN8nInstalled, packPackage } from '../scripts/n8n/harness';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../scripts/postgres/throwawayPostgres';
import { pageWithTokensInProcess } from './audience/issueInProcess';
import { type CampaignRun, POSTGRES_WAYS, runCampaign, type Way, WAY_LABELS } from './audience/runCampaign';
import { EMULATOR_SEED, PAGE_LIMIT_PER_SECOND, setBenchConditions, TARGET_RATE_PER_SECOND } from './broadcast/conditions';
import { FreshN8n } from './broadcast/freshN8n';
import { fixed, mb, textTable } from './broadcast/textTable';

const started = Date.now();
function progress(message: string): void {
	console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${message}`);
}

function flag(name: string, fallback: string): string {
	const found = process.argv.slice(2).find((arg) => arg.startsWith(`--${name}=`));
	return found ? found.slice(name.length + 3) : fallback;
}

interface Outcome {
	way: Way;
	tokens: number;
	delivered: number;
	duplicates: number;
	/** Not delivered, and still `available` in the store (reported Not Sent): the next run sends them. */
	notYet: number;
	/** Neither delivered nor left for the next run. */
	lost: number;
	/** Delivered, but the row still `available` (the campaign was stopped before writing it back): a new run would send it again. */
	sentNotWrittenBack: number;
	messagesPerSecond: number;
	run: CampaignRun;
}

async function main(): Promise<void> {
	const tokens = Number(flag('tokens', '100000'));
	const pageSize = Number(flag('page-size', '5000'));
	const ways = flag('ways', Object.keys(WAY_LABELS).join(',')).split(',') as Way[];
	// A Data Table way at 100,000 would take hours (its row-by-row write-back); 20 minutes shows its pace.
	const timeLimitSeconds = Number(flag('time-limit', '1200'));
	if (!Number.isInteger(tokens) || tokens < 100) throw new Error('--tokens must be a whole number of at least 100');
	if (!Number.isInteger(pageSize) || pageSize < 2) throw new Error('--page-size must be a whole number of at least 2');
	if (!(timeLimitSeconds > 0)) throw new Error('--time-limit must be a number of seconds above 0');
	for (const way of ways) if (!(way in WAY_LABELS)) throw new Error(`--ways: "${way}" is not one of ${Object.keys(WAY_LABELS).join(', ')}`);

	progress('n8n runtime, build and pack');
	await ensureN8nInstalled({ quiet: true });
	const packDir = mkdtempSync(join(tmpdir(), 'bench-audience-pack-'));
	let emulator: RunningEmulator | undefined;
	let lab: FreshN8n | undefined;
	let pg: ThrowawayPostgres | undefined;
	const loadBefore = loadavg();
	try {
		lab = new FreshN8n(packPackage({ destination: packDir }));
		emulator = await startEmulator({ port: 0, seed: EMULATOR_SEED, rateLimitPerSecond: PAGE_LIMIT_PER_SECOND });
		const control = new EmulatorClient(emulator.url);
		await setBenchConditions(control);
		if (ways.some((way) => POSTGRES_WAYS.includes(way))) pg = await startThrowawayPostgres('otn_bench_audience');

		const outcomes: Outcome[] = [];
		for (const way of ways) {
			progress(`${WAY_LABELS[way]}: issuing ${tokens} tokens`);
			const page = await pageWithTokensInProcess(control, emulator, tokens);
			progress(`${WAY_LABELS[way]}: loading the store and running`);
			const run = await runCampaign(lab, way, page, emulator.url, pageSize, timeLimitSeconds * 1000, pg);
			const deliveries = await control.deliveries({ pageId: page.pageId, via: 'one_time_notif_token' });
			const distinct = new Set(deliveries.map((delivery) => delivery.token));
			const notDelivered = (page.rows as Array<{ token: string }>).map((row) => row.token).filter((token) => !distinct.has(token));
			const times = deliveries.map((delivery) => delivery.at).sort((a, b) => a - b);
			const spanSeconds = times.length > 1 ? (times[times.length - 1] - times[0]) / 1000 : 0;
			const outcome: Outcome = {
				way,
				tokens,
				delivered: distinct.size,
				duplicates: deliveries.length - distinct.size,
				notYet: notDelivered.filter((token) => run.availableTokens.has(token)).length,
				lost: notDelivered.filter((token) => !run.availableTokens.has(token)).length,
				sentNotWrittenBack: [...distinct].filter((token) => token !== undefined && run.availableTokens.has(token)).length,
				messagesPerSecond: spanSeconds > 0 ? distinct.size / spanSeconds : 0,
				run,
			};
			outcomes.push(outcome);
			progress(`${WAY_LABELS[way]}: ${outcome.delivered} delivered in ${(run.wallMs / 1000).toFixed(0)} s${run.problem ? ` (${run.problem})` : ''}`);
		}
		const report = formatReport(outcomes, pageSize, loadBefore, loadavg());
		console.log(report);
		const results = join(__dirname, 'results');
		mkdirSync(results, { recursive: true });
		writeFileSync(join(results, `audience-${new Date().toISOString().slice(0, 10)}-${tokens}.txt`), `${report}\n`);
	} finally {
		await lab?.dispose();
		await emulator?.close();
		pg?.stop();
		rmSync(packDir, { recursive: true, force: true });
	}
}

function formatReport(outcomes: Outcome[], pageSize: number, loadBefore: number[], loadAfter: number[]): string {
	const header = [
		'way',
		'tokens',
		'delivered',
		'duplicates',
		'not yet',
		'lost',
		'sent, not written back',
		'msg/s',
		'wall s',
		'n8n RSS idle MB',
		'n8n RSS peak MB',
		'n8n DB growth MB',
		'intake s',
		'store MB',
	];
	const rows = outcomes.map(({ way, tokens, delivered, duplicates, notYet, lost, sentNotWrittenBack, messagesPerSecond, run }) => [
		WAY_LABELS[way],
		String(tokens),
		String(delivered),
		String(duplicates),
		String(notYet),
		String(lost),
		String(sentNotWrittenBack),
		fixed(messagesPerSecond),
		fixed(run.wallMs / 1000, 0),
		mb(run.baselineBytes),
		mb(run.peakBytes),
		mb(run.databaseGrowthBytes),
		fixed(run.intakeMs / 1000, 0),
		mb(run.storeBytes),
	]);
	const problems = outcomes.filter((outcome) => outcome.run.problem).map((outcome) => `${WAY_LABELS[outcome.way]}: ${outcome.run.problem}`);
	return [
		`Audience benchmark, ${new Date().toISOString()}: one-time tokens at ${TARGET_RATE_PER_SECOND}/s against the emulator (300 calls/s per Page, 100 ms ± 30 ms, 1% HTTP 500), pages of ${pageSize}.`,
		`Machine load average (1, 5, 15 min) before ${loadBefore.map((value) => value.toFixed(1)).join(', ')}, after ${loadAfter.map((value) => value.toFixed(1)).join(', ')}.`,
		'not yet: not delivered, the row still `available` (a new run sends it); lost: neither delivered nor left available; sent, not written back: delivered but the row still `available` when the way stopped (a new run would send it again).',
		'msg/s: distinct tokens delivered over the emulator-clock span from the first delivery to the last. Intake: the store bulk-loaded (Data Table public API in 500s, PostgreSQL INSERT in 100s), then the workflow published.',
		'',
		textTable(header, rows),
		...(problems.length ? ['', ...problems] : []),
	].join('\n');
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
