/**
 * What the e2e global setup hands to the test files: the shared n8n and emulator of this run.
 * Test files run in jest workers, so it travels as a JSON file in a folder of this run
 * (.cache/e2e/run-<jest pid>/, git-ignored), whose path the workers inherit in an environment
 * variable. One folder per run keeps two runs in one checkout apart.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { cacheDir } from '../../scripts/n8n/runtime';
import { isProcessAlive, stopStaleInstance } from '../../scripts/n8n/stale-instance';

const e2eRoot = join(cacheDir, 'e2e');
const INSTANCE_FILE_VARIABLE = 'MESSENGER_OTN_E2E_INSTANCE';

/** The folder of the run that jest process `ownerPid` drives. */
export function runDir(ownerPid = process.pid): string {
	return join(e2eRoot, `run-${ownerPid}`);
}

/** Kept after the run, for a look at what n8n said. */
export const lastLogFile = join(e2eRoot, 'last-n8n.log');

export interface E2eInstance {
	/** n8n, e.g. http://127.0.0.1:41234 */
	baseUrl: string;
	apiKey: string;
	cookie: string;
	/** The Graph API emulator, e.g. http://127.0.0.1:41235 */
	emulatorUrl: string;
	logFile: string;
}

export function writeE2eInstance(instance: E2eInstance): void {
	const file = join(runDir(), 'instance.json');
	writeFileSync(file, JSON.stringify(instance, null, 2), { mode: 0o600 });
	process.env[INSTANCE_FILE_VARIABLE] = file;
}

export function e2eInstance(): E2eInstance {
	const file = process.env[INSTANCE_FILE_VARIABLE];
	if (!file) throw new Error('No n8n for this test: run it in the jest project "e2e" (its global setup starts n8n).');
	return JSON.parse(readFileSync(file, 'utf8')) as E2eInstance;
}

/** Stops what killed runs left behind and removes their folders; a live run's folder stays. */
export async function cleanUpDeadRuns(): Promise<void> {
	if (!existsSync(e2eRoot)) return;
	for (const entry of readdirSync(e2eRoot)) {
		const ownerPid = Number(/^run-(\d+)$/.exec(entry)?.[1]);
		if (!ownerPid || isProcessAlive(ownerPid)) continue;
		await stopStaleInstance(join(e2eRoot, entry, 'n8n.pid'));
		rmSync(join(e2eRoot, entry), { recursive: true, force: true });
	}
}

export function createRunDir(): string {
	const dir = runDir();
	mkdirSync(dir, { recursive: true });
	return dir;
}
