/**
 * A real n8n with this package installed, for the e2e tests, `npm start` and the benchmarks.
 *
 *   const tarball = packPackage();                       // npm run build + npm pack
 *   const n8n = await startN8n({ tarball });             // fresh throwaway instance
 *   await rest(n8n, 'POST', '/credentials', {...});      // editor API with n8n.cookie
 *   await publicApi(n8n, 'GET', '/executions');          // public API with n8n.apiKey
 *   await n8n.stop();                                    // whole process group, then its folder
 *
 * startN8n installs the pinned n8n first if needed (scripts/n8n/install.ts), installs the tarball
 * into <userFolder>/.n8n/nodes as users do (node types `n8n-nodes-messenger-otn.<name>`), starts
 * `n8n start` on loopback with its own free HTTP and task-broker ports as the leader of its own
 * process group, waits for /healthz/readiness, then creates the owner and an API key headlessly.
 *
 * Fixtures: credentials and workflows given in the options are imported with n8n's CLI before the
 * start (and the listed workflows published), because n8n activates published workflows at start;
 * list their webhook paths in `webhookPaths` to have startN8n wait until n8n has registered them.
 * Each CLI step boots n8n for about 5 s. A credential can also be created after the start with
 * `POST /rest/credentials` (see n8n-api.ts), which is what the smoke test does.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { ensureN8nInstalled } from './install';
import { installPackageInto } from './install-package';
import { type CredentialFixture, importCredentials, importWorkflows, publishWorkflow, type WorkflowFixture } from './n8n-cli';
import { type InstanceConfig, instanceBaseUrl, n8nEnv } from './n8n-env';
import { createApiKey, type OwnerAccount, ownerSession } from './owner';
import { freePort } from './ports';
import { stopGroupWithParent, spawnGroup, stopGroup } from './process-group';
import { n8nBin, nodeBin } from './runtime';
import { removePidFile, stopStaleInstance, writePidFile } from './stale-instance';
import { waitForReadiness, waitForRestApi } from './wait-ready';
import { waitForWebhook } from './wait-webhook';

export { ensureN8nInstalled } from './install';
export { packPackage } from './pack';
export { publicApi, rest } from './rest-client';
export { waitForWebhook } from './wait-webhook';
export type { CredentialFixture, WorkflowFixture } from './n8n-cli';
export type { OwnerAccount } from './owner';

export interface StartN8nOptions {
	/** The packed package to install (from packPackage); without it n8n runs with its own nodes only. */
	tarball?: string;
	/** A folder kept between starts (the demo). Default: a new folder under the OS temp dir, removed by stop(). */
	userFolder?: string;
	/** Default: a free port. */
	port?: number;
	/** Default: a free port. */
	brokerPort?: number;
	/** Must stay the same for a kept userFolder. Default: random. */
	encryptionKey?: string;
	owner?: OwnerAccount;
	credentials?: CredentialFixture[];
	workflows?: WorkflowFixture[];
	/** Ids of imported workflows to publish before the start. */
	publishWorkflowIds?: string[];
	/** Production webhook paths (after /webhook/) to wait for: n8n registers them just after it is ready. */
	webhookPaths?: string[];
	/** Default: <userFolder>/n8n.log (gone with a temporary userFolder). */
	logFile?: string;
	/** Remembers the process group, so a later start can stop one left behind by a killed run. */
	pidFile?: string;
	readyTimeoutMs?: number;
	env?: NodeJS.ProcessEnv;
}

export interface RunningN8n {
	baseUrl: string;
	port: number;
	apiKey: string;
	/** `n8n-auth=<jwt>` for the editor's /rest API. */
	cookie: string;
	owner: OwnerAccount;
	userFolder: string;
	logFile: string;
	/** The process group id (n8n's pid). */
	pid: number;
	encryptionKey: string;
	stop(): Promise<void>;
}

export const DEFAULT_OWNER: OwnerAccount = {
	email: 'owner@messenger-otn.test',
	password: 'Owner-Password-1',
	firstName: 'Test',
	lastName: 'Owner',
};

export async function startN8n(options: StartN8nOptions = {}): Promise<RunningN8n> {
	await ensureN8nInstalled({ quiet: true });
	if (options.pidFile && !(await stopStaleInstance(options.pidFile))) {
		throw new Error(`Another run still owns the n8n in ${options.pidFile}; stop it first.`);
	}
	const temporary = options.userFolder === undefined;
	const userFolder = options.userFolder ?? mkdtempSync(join(tmpdir(), 'n8n-messenger-otn-'));
	mkdirSync(userFolder, { recursive: true });
	const config: InstanceConfig = {
		userFolder,
		port: options.port ?? (await freePort()),
		brokerPort: options.brokerPort ?? (await freePort()),
		encryptionKey: options.encryptionKey ?? randomBytes(24).toString('hex'),
		env: options.env,
	};
	const logFile = options.logFile ?? join(userFolder, 'n8n.log');
	mkdirSync(dirname(logFile), { recursive: true });
	writeFileSync(logFile, `n8n on port ${config.port}, task broker on ${config.brokerPort}, user folder ${userFolder}\n`);

	try {
		if (options.tarball) installPackageInto(userFolder, options.tarball);
		if (options.credentials?.length) await importCredentials(config, options.credentials);
		if (options.workflows?.length) await importWorkflows(config, options.workflows);
		for (const id of options.publishWorkflowIds ?? []) await publishWorkflow(config, id);
	} catch (error) {
		if (temporary) rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}

	const pid = spawnGroup(nodeBin, [n8nBin, 'start'], { cwd: userFolder, env: n8nEnv(config), logFile });
	const forgetExitHook = stopGroupWithParent(pid);
	if (options.pidFile) {
		mkdirSync(dirname(options.pidFile), { recursive: true });
		writePidFile(options.pidFile, pid);
	}
	const stop = async () => {
		await stopGroup(pid);
		forgetExitHook();
		if (options.pidFile) removePidFile(options.pidFile);
		if (temporary) rmSync(userFolder, { recursive: true, force: true });
	};

	try {
		const baseUrl = instanceBaseUrl(config.port);
		await waitForReadiness(baseUrl, pid, logFile, options.readyTimeoutMs ?? 120000);
		await waitForRestApi(baseUrl, 30000);
		for (const path of options.webhookPaths ?? []) await waitForWebhook(baseUrl, path);
		const owner = options.owner ?? DEFAULT_OWNER;
		const cookie = await ownerSession(baseUrl, owner);
		const apiKey = await createApiKey(baseUrl, cookie, 'messenger-otn harness');
		return { baseUrl, port: config.port, apiKey, cookie, owner, userFolder, logFile, pid, encryptionKey: config.encryptionKey, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
