/**
 * One n8n and one emulator for the whole e2e run: n8n is installed if needed, the package is built,
 * packed and installed into a throwaway n8n as users would, and the emulator runs here in jest's
 * main process so it lives exactly as long as the run. global-teardown.ts stops both.
 */
import { join } from 'node:path';

import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { ensureN8nInstalled, packPackage, startN8n, type RunningN8n } from '../../scripts/n8n/harness';
import { seconds } from '../../scripts/n8n/run-step';
import { cleanUpDeadRuns, createRunDir, writeE2eInstance } from './e2e-instance';

export interface E2eGlobals {
	n8n?: RunningN8n;
	emulator?: RunningEmulator;
}

/** globalSetup and globalTeardown share jest's main process and its globals. */
export const e2eGlobals = globalThis as typeof globalThis & { messengerOtnE2e?: E2eGlobals };

export default async function globalSetup(): Promise<void> {
	const globals: E2eGlobals = {};
	e2eGlobals.messengerOtnE2e = globals;
	console.log('\ne2e: preparing a real n8n');
	await cleanUpDeadRuns();
	let started = Date.now();
	await ensureN8nInstalled();
	console.log(`e2e: n8n runtime ready (${seconds(started)})`);

	// Everything of this run lives in its folder, so a killed run's leftovers are found and removed.
	const dir = createRunDir();
	started = Date.now();
	const tarball = packPackage({ destination: dir });
	console.log(`e2e: package built and packed (${seconds(started)})`);

	try {
		globals.emulator = await startEmulator({ port: 0 });
		started = Date.now();
		globals.n8n = await startN8n({
			tarball,
			userFolder: join(dir, 'user'),
			logFile: join(dir, 'n8n.log'),
			pidFile: join(dir, 'n8n.pid'),
		});
		console.log(`e2e: n8n started at ${globals.n8n.baseUrl} (${seconds(started)}; log ${globals.n8n.logFile})`);
	} catch (error) {
		// jest runs no teardown after a failed setup
		await globals.emulator?.close();
		throw error;
	}

	writeE2eInstance({
		baseUrl: globals.n8n.baseUrl,
		apiKey: globals.n8n.apiKey,
		cookie: globals.n8n.cookie,
		emulatorUrl: globals.emulator.url,
		logFile: globals.n8n.logFile,
	});
}
