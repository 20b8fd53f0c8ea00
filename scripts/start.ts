/**
 * `npm start`: the whole lifecycle to watch and click through. Builds and packs the package,
 * installs the pinned n8n if needed, starts the Messenger emulator and an n8n with the package
 * installed, creates the owner, the credentials pointing at the emulator (and the broadcast
 * webhook's Header Auth key, new at every start), the otn_tokens Data Table
 * and the example workflows (the inbox published and subscribed at the emulator), and keeps the
 * n8n data in .cache/demo-n8n/ between starts. Ctrl-C stops both.
 *
 * Ports: DEMO_N8N_PORT (default 5678) and DEMO_EMULATOR_PORT (default 4100).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import {
	DEFAULT_AD_ACCOUNT_ID,
	DEFAULT_APP_ID,
	DEFAULT_APP_SECRET,
	DEFAULT_PAGE_ID,
	DEFAULT_PAGE_TOKEN,
	DEFAULT_SYSTEM_USER_TOKEN,
	startEmulator,
} from '../emulator/server';
import { EmulatorClient, type WebhookAppState } from '../emulator/client';
import { stopOnCtrlC } from './common/cli';
import { poll } from './common/poll';
import { renewBroadcastKey } from './demo/broadcastKey';
import { demoBanner } from './demo/demoBanner';
import { ensureDemoContent } from './demo/demoWorkflows';
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
const MARKETING_CREDENTIAL_NAME = 'Messenger emulator (demo ad account)';

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

/** The inbox's trigger subscribes the app when published; the emulator's handshake must have reached n8n. */
async function waitForSubscription(control: EmulatorClient, callbackUrl: string): Promise<void> {
	const subscribed = (app: WebhookAppState | undefined) => app?.subscription?.active === true && app.subscription.callbackUrl === callbackUrl && app.pages.length > 0;
	const app = await poll(async () => (await control.webhookSubscriptions({ appId: DEFAULT_APP_ID }))[0], subscribed, 30_000, 200);
	if (!subscribed(app)) throw new Error(`The emulator's app is not subscribed to ${callbackUrl}; see the n8n log.`);
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

	const credentialId = await upsertCredential(n8n, {
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
	// The paid Marketing Message API's side: the emulator's default ad account and system user.
	await upsertCredential(n8n, {
		name: MARKETING_CREDENTIAL_NAME,
		type: 'messengerOtnMarketingApi',
		data: {
			accessToken: DEFAULT_SYSTEM_USER_TOKEN,
			adAccountId: `act_${DEFAULT_AD_ACCOUNT_ID}`,
			appSecret: '',
			graphApiVersion: 'v25.0',
			graphHost: emulator.url,
		},
	});

	// The broadcast's Start by Webhook takes only calls carrying this key (a new one at every start).
	const broadcastKey = await renewBroadcastKey(n8n);

	console.log('Preparing the Data Table and the example workflows…');
	const content = await ensureDemoContent(n8n, { id: credentialId, name: CREDENTIAL_NAME }, { httpHeaderAuth: broadcastKey.credential });
	await waitForSubscription(new EmulatorClient(emulator.url), content.inbox.webhookUrl);

	console.log(
		demoBanner({
			readyIn: seconds(started),
			editorUrl: n8n.baseUrl,
			login: DEMO_OWNER,
			emulatorUrl: emulator.url,
			pageId: DEFAULT_PAGE_ID,
			credentialName: CREDENTIAL_NAME,
			marketingCredentialName: MARKETING_CREDENTIAL_NAME,
			adAccountId: DEFAULT_AD_ACCOUNT_ID,
			broadcastKey,
			content,
			logFile: n8n.logFile,
		}),
	);

	const running = n8n;
	stopOnCtrlC('n8n and the emulator', () => Promise.all([running.stop(), emulator.close()]));
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
