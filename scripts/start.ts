/**
 * `npm start`: a local playground. Builds and packs the package, installs the pinned n8n if needed,
 * starts the Messenger emulator and an n8n with the package installed, and keeps the n8n data in
 * .cache/demo-n8n/ between starts. Ctrl-C stops both.
 *
 * Ports: DEMO_N8N_PORT (default 5678) and DEMO_EMULATOR_PORT (default 4100).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { DEFAULT_APP_ID, DEFAULT_APP_SECRET, DEFAULT_PAGE_ID, DEFAULT_PAGE_TOKEN, startEmulator } from '../emulator/server';
import { ensureN8nInstalled, packPackage, startN8n, type OwnerAccount } from './n8n/harness';
import { upsertCredential } from './n8n/n8n-api';
import { isPortInUse } from './n8n/ports';
import { seconds } from './n8n/run-step';
import { cacheDir } from './n8n/runtime';
import { stopStaleInstance } from './n8n/stale-instance';

const demoDir = join(cacheDir, 'demo-n8n');
const n8nPort = Number(process.env.DEMO_N8N_PORT ?? 5678);
const emulatorPort = Number(process.env.DEMO_EMULATOR_PORT ?? 4100);
const pidFile = join(demoDir, 'n8n.pid');

/** A local-only login for the playground; printed on purpose. */
const DEMO_OWNER: OwnerAccount = {
	email: 'demo@messenger-otn.test',
	password: 'Demo-Password-1',
	firstName: 'Demo',
	lastName: 'Owner',
};

const CREDENTIAL_NAME = 'Messenger emulator (demo Page)';

/** The key encrypts the kept credentials, so it must be the same at every start. */
function demoEncryptionKey(): string {
	const file = join(demoDir, 'encryption-key');
	if (!existsSync(file)) {
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
	}
	return readFileSync(file, 'utf8').trim();
}

async function assertPortFree(port: number, what: string, variable: string): Promise<void> {
	if (await isPortInUse(port)) {
		throw new Error(`Port ${port} for ${what} is in use (an earlier start still running?). Stop it, or set ${variable}.`);
	}
}

async function main(): Promise<void> {
	const started = Date.now();
	await ensureN8nInstalled();
	if (!(await stopStaleInstance(pidFile))) throw new Error('The demo is already running (another `npm start`); stop that one first.');
	await assertPortFree(n8nPort, 'n8n', 'DEMO_N8N_PORT');
	await assertPortFree(emulatorPort, 'the emulator', 'DEMO_EMULATOR_PORT');

	console.log('Building and packing the package…');
	const tarball = packPackage();
	const emulator = await startEmulator({ port: emulatorPort });
	console.log(`Emulator listening on ${emulator.url}; starting n8n…`);

	let n8n;
	try {
		n8n = await startN8n({
			tarball,
			userFolder: demoDir,
			port: n8nPort,
			encryptionKey: demoEncryptionKey(),
			owner: DEMO_OWNER,
			logFile: join(demoDir, 'n8n.log'),
			pidFile,
		});
	} catch (error) {
		await emulator.close();
		throw error;
	} finally {
		rmSync(dirname(tarball), { recursive: true, force: true });
	}

	await upsertCredential(n8n, {
		name: CREDENTIAL_NAME,
		type: 'messengerOtnPageApi',
		data: {
			accessToken: DEFAULT_PAGE_TOKEN,
			appId: DEFAULT_APP_ID,
			appSecret: DEFAULT_APP_SECRET,
			graphApiVersion: 'v25.0',
			graphHost: emulator.url,
		},
	});

	console.log(`
Ready in ${seconds(started)}.
  n8n editor:  ${n8n.baseUrl}
  login:       ${DEMO_OWNER.email} / ${DEMO_OWNER.password}
  emulator:    ${emulator.url}  (Graph API ${emulator.url}/v25.0/…, Page ${DEFAULT_PAGE_ID})
  credential:  "${CREDENTIAL_NAME}" points at the emulator
  n8n log:     ${n8n.logFile}
Press Ctrl-C to stop.`);

	const running = n8n;
	let stopping = false;
	const stop = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping n8n and the emulator…`);
		Promise.all([running.stop(), emulator.close()]).then(
			() => {
				console.log('Stopped.');
				process.exit(0);
			},
			(error: Error) => {
				console.error(error.message);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
