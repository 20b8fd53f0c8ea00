/**
 * Benchmark of queue mode: opt-in intake in a regular n8n and in a queue-mode n8n (main,
 * webhook process, two workers), then broadcast throughput on one worker and split over two.
 * Opt-ins are signed webhooks of fresh emulator tokens, 10% of them posted twice, stored in
 * PostgreSQL by the capture template; the broadcast is "Broadcast in shards" against the emulator.
 * Prints figures and writes them to bench/results/; asserts nothing about time.
 *
 *   npm run bench:intake                    the published run (2,000 opt-ins per mode, about 15 minutes)
 *   npx tsx bench/intake.ts --opt-ins=300   a quick trial
 *   npx tsx bench/intake.ts --broadcast-only
 *                                           the broadcast on one and on two workers alone, printed only
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { EmulatorClient } from '../emulator/client';
import { DEFAULT_PAGE_ID } from '../emulator/config';
import { type RunningEmulator, startEmulator } from '../emulator/server';
import { wholeNumberFlag } from '../scripts/common/cli';
import { ensureN8nInstalled, packPackage, startN8n } from '../scripts/n8n/harness';
import { startThrowawayPostgres } from '../scripts/postgres/throwawayPostgres';
import { type QueueStack, startQueueStack } from '../scripts/queue/queueStack';
import { createQueueContent, type QueueContent } from '../scripts/queue/queueWorkflows';
import { type BroadcastFigures, broadcastOnWorkers } from './intake/broadcastOnWorkers';
import { INTAKE, RATE_PER_SECOND } from './intake/conditions';
import { publishFloorWorkflow } from './intake/floorWorkflow';
import { type IntakeFigures, measureIntake } from './intake/measureIntake';
import { formatBroadcastOnly, formatIntakeReport } from './intake/report';

const started = Date.now();
function progress(message: string): void {
	console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

async function main(): Promise<void> {
	const optIns = wholeNumberFlag(process.argv.slice(2), '--opt-ins', { fallback: INTAKE.optIns, min: 50, rule: 'of at least 50' });
	const broadcastOnly = process.argv.includes('--broadcast-only');
	const loadBefore = loadavg();
	progress('n8n runtime, build and pack');
	await ensureN8nInstalled({ quiet: true });
	const dir = mkdtempSync(join(tmpdir(), 'bench-intake-'));
	let emulator: RunningEmulator | undefined;
	try {
		const tarball = packPackage({ destination: dir });
		emulator = await startEmulator({ port: 0 });
		const control = new EmulatorClient(emulator.url);
		const intake: IntakeFigures[] = [];
		if (broadcastOnly) {
			console.log(await broadcastAlone(tarball, emulator.url, control, optIns, dir));
			return;
		}

		progress('regular mode: one n8n (SQLite), token store in PostgreSQL');
		const store = await startThrowawayPostgres('otn');
		const regular = await startN8n({ tarball });
		try {
			const content = await createQueueContent({
				main: regular,
				webhookBaseUrl: regular.baseUrl,
				emulatorUrl: emulator.url,
				tokenStore: store,
				queryTokenStore: (sql) => store.query(sql),
				subscribeOnActivation: false,
			});
			const floorUrl = await publishFloorWorkflow(regular, regular.baseUrl);
			intake.push(await measureIntake('regular (1 process)', control, content, floorUrl, (sql) => store.query(sql), optIns, progress));
		} finally {
			await regular.stop();
			store.stop();
		}

		progress('queue mode: main, webhook process, 2 workers');
		const stack = await startQueueStack({ tarball, workers: 2, dir: join(dir, 'stack') });
		let broadcasts: BroadcastFigures[] = [];
		try {
			const content = await contentOnStack(stack, emulator.url);
			const floorUrl = await publishFloorWorkflow(stack.main, stack.webhookUrl);
			intake.push(await measureIntake('queue (webhook + 2 workers)', control, content, floorUrl, (sql) => stack.queryTokenStore(sql), optIns, progress));
			broadcasts = await broadcastOnWorkers(stack, content, control, optIns, progress);
		} finally {
			await stack.stop();
		}

		const report = formatIntakeReport({
			date: new Date(),
			seconds: (Date.now() - started) / 1000,
			cpus: cpus().length,
			cpuModel: cpus()[0]?.model ?? 'unknown',
			pageId: DEFAULT_PAGE_ID,
			rate: RATE_PER_SECOND,
			intake,
			broadcasts,
			loadBefore,
			loadAfter: loadavg(),
		});
		console.log(report);
		const resultsDir = join(__dirname, 'results');
		mkdirSync(resultsDir, { recursive: true });
		const file = join(resultsDir, `intake-${new Date().toISOString().slice(0, 10)}.txt`);
		writeFileSync(file, `${report}\n`);
		progress(`written to ${file}`);
	} finally {
		await emulator?.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The capture, coordinator and shard workflows on the queue stack, its webhook process in front. */
async function contentOnStack(stack: QueueStack, emulatorUrl: string): Promise<QueueContent> {
	return await createQueueContent({
		main: stack.main,
		webhookBaseUrl: stack.webhookUrl,
		emulatorUrl,
		tokenStore: stack.tokenStore,
		queryTokenStore: (sql) => stack.queryTokenStore(sql),
		subscribeOnActivation: false,
	});
}

/** `--broadcast-only`: the queue stack, the shard workflows and the two broadcasts, nothing else. */
async function broadcastAlone(tarball: string, emulatorUrl: string, control: EmulatorClient, tokens: number, dir: string): Promise<string> {
	progress('queue mode: main, webhook process, 2 workers');
	const stack = await startQueueStack({ tarball, workers: 2, dir: join(dir, 'stack') });
	try {
		const content = await contentOnStack(stack, emulatorUrl);
		const loadBefore = loadavg();
		const broadcasts = await broadcastOnWorkers(stack, content, control, tokens, progress);
		return formatBroadcastOnly(broadcasts, RATE_PER_SECOND, loadBefore, loadavg());
	} finally {
		await stack.stop();
	}
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});
