/**
 * A real queue-mode n8n on loopback, with this package installed on every process, for the
 * queue-mode e2e tests, the benchmark and the command that starts one:
 *
 *   const tarball = packPackage();                                  // npm run build + npm pack
 *   const stack = await startQueueStack({ tarball, workers: 2, workflows, publishWorkflowIds, webhookPaths });
 *   await fetch(`${stack.webhookUrl}/webhook/<path>`, { method: 'POST', ... });  // the webhook process
 *   await publicApi(stack.main, 'GET', `/executions?workflowId=${id}`);        // the main's public API
 *   stack.workers[0].executionIds();                                // what worker 1 ran (from its log)
 *   await stack.workers[0].kill();                                  // SIGKILL its group, a crash
 *   await stack.workers[0].start();                                 // back, and ready for jobs
 *   stack.queryTokenStore('SELECT ...');                            // the `otn` database, for token stores
 *   await stack.stop();                                             // n8n groups, Redis, PostgreSQL, folder
 *
 * startQueueStack starts a throwaway PostgreSQL (database `n8n` for n8n, `otn` next to it for the
 * token store) and a throwaway Redis, then, sharing one environment (EXECUTIONS_MODE=queue, the
 * database, Redis and encryption key): `n8n start` (the main: editor, APIs, activation of published
 * workflows), then in parallel `n8n webhook` (serves /webhook/* and puts each call on the queue) and
 * `n8n worker --concurrency=<n>` × N (run the executions). Each process has its own user folder with
 * the tarball installed in `.n8n/nodes` as on separate machines, its own HTTP and task-broker ports,
 * its own process group and its own log file in `dir`. Fixtures are imported with n8n's CLI before
 * the main starts, as startN8n does (scripts/n8n/harness.ts); the owner and an API key are created on
 * the main. Production webhooks are served by the webhook process only
 * (N8N_DISABLE_PRODUCTION_MAIN_PROCESS), and editor runs go to the workers too
 * (OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_OWNER } from '../n8n/harness';
import { ensureN8nInstalled } from '../n8n/install';
import { installPackageInto } from '../n8n/install-package';
import { type CredentialFixture, importCredentials, importWorkflows, publishWorkflow, type WorkflowFixture } from '../n8n/n8n-cli';
import { type InstanceConfig, instanceBaseUrl } from '../n8n/n8n-env';
import { createApiKey, type OwnerAccount, ownerSession } from '../n8n/owner';
import { freePort } from '../n8n/ports';
import type { N8nAuth } from '../n8n/rest-client';
import { waitForReadiness } from '../n8n/wait-ready';
import { waitForWebhook } from '../n8n/wait-webhook';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../postgres/throwawayPostgres';
import { type N8nProcess, n8nProcess } from './n8n-process';
import { runOnParentExit } from './parent-exit';
import { psqlQuery } from './psql';
import { startThrowawayRedis, type ThrowawayRedis } from './throwawayRedis';
import { readLogFrom, waitForLogLine } from './wait-log';

export interface QueueStackOptions {
	/** The packed package to install on every process (from packPackage); without it n8n has its own nodes only. */
	tarball?: string;
	/** Default 2. */
	workers?: number;
	/** `n8n worker --concurrency`; default 10 (n8n warns below 5). */
	workerConcurrency?: number;
	/** Run folder for user folders and logs. Default: a new folder under the OS temp dir, removed by stop(). */
	dir?: string;
	/** Default: random. */
	encryptionKey?: string;
	owner?: OwnerAccount;
	credentials?: CredentialFixture[];
	workflows?: WorkflowFixture[];
	/** Ids of imported workflows to publish before the main starts (it activates them at start). */
	publishWorkflowIds?: string[];
	/** Production webhook paths (after /webhook/) to wait for on the webhook process. */
	webhookPaths?: string[];
	/** Per process start; default 180 s (the processes boot together on two cores). */
	readyTimeoutMs?: number;
	/** Extra variables for every n8n process (they win over the stack's own). */
	env?: NodeJS.ProcessEnv;
	/** Called with each start step and the seconds since the start, e.g. `console.log` for a CI log. */
	log?: (line: string) => void;
}

/** The main process: editor, /rest and the public API; usable as is with rest() and publicApi(). */
export interface QueueMain extends N8nProcess, N8nAuth {
	baseUrl: string;
	apiKey: string;
	/** `n8n-auth=<jwt>` for the editor's /rest API. */
	cookie: string;
	owner: OwnerAccount;
}

export interface QueueWebhookProcess extends N8nProcess {
	/** Production webhooks: `<baseUrl>/webhook/<path>`. */
	baseUrl: string;
}

export interface QueueWorker extends N8nProcess {
	/** Its worker server (QUEUE_HEALTH_CHECK_ACTIVE): `<healthUrl>/healthz/readiness`. */
	healthUrl: string;
	/** Executions this worker started, in order, over all its starts (its log's "Worker started execution <id>"). */
	executionIds(): string[];
}

export interface TokenStoreConnection {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
}

export interface QueueStack {
	main: QueueMain;
	/** = main.baseUrl */
	mainUrl: string;
	/** The webhook process's base URL (= N8N_WEBHOOK_URL without the slash). */
	webhookUrl: string;
	apiKey: string;
	cookie: string;
	owner: OwnerAccount;
	webhookProcess: QueueWebhookProcess;
	workers: QueueWorker[];
	/** The server; `postgres.query` runs in n8n's own database `n8n`. */
	postgres: ThrowawayPostgres;
	/** A second database in the same server, for the package's Postgres token store. */
	tokenStoreDatabase: 'otn';
	/** Its login, e.g. for n8n's `postgres` credential: the server's, with database `otn`. */
	tokenStore: TokenStoreConnection;
	/** psql against `otn`; unaligned output (rows by line, columns by "|"). */
	queryTokenStore(sql: string): string;
	redis: ThrowawayRedis;
	encryptionKey: string;
	dir: string;
	/** Every n8n process (waiting until each group is gone), then Redis, PostgreSQL and a temporary dir. */
	stop(): Promise<void>;
}

const TOKEN_STORE_DATABASE = 'otn';
const WORKER_READY = /n8n worker is now ready/;
const WORKER_STARTED_EXECUTION = /Worker started execution (\S+) \(job [^)]*\)/g;

export async function startQueueStack(options: QueueStackOptions = {}): Promise<QueueStack> {
	await ensureN8nInstalled({ quiet: true });
	const workerCount = options.workers ?? 2;
	const concurrency = options.workerConcurrency ?? 10;
	const readyTimeoutMs = options.readyTimeoutMs ?? 180000;
	const temporary = options.dir === undefined;
	const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'n8n-queue-'));
	mkdirSync(dir, { recursive: true });
	const encryptionKey = options.encryptionKey ?? randomBytes(24).toString('hex');
	const started = Date.now();
	const step = (what: string) => options.log?.(`queue stack: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

	let postgres: ThrowawayPostgres | undefined;
	let redis: ThrowawayRedis | undefined;
	const processes: N8nProcess[] = [];
	const stopDataServices = () => {
		const stopping = [redis, postgres];
		redis = undefined;
		postgres = undefined;
		const failures: unknown[] = [];
		for (const service of stopping) {
			try {
				service?.stop();
			} catch (error) {
				failures.push(error);
			}
		}
		if (temporary) rmSync(dir, { recursive: true, force: true });
		if (failures.length) throw failures[0];
	};
	const forgetDataHook = runOnParentExit(stopDataServices);
	const stop = async () => {
		await Promise.all(processes.map((member) => member.stop()));
		forgetDataHook();
		stopDataServices();
	};

	try {
		postgres = await startThrowawayPostgres('n8n');
		psqlQuery(postgres, 'postgres', `CREATE DATABASE "${TOKEN_STORE_DATABASE}"`);
		step('PostgreSQL up');
		redis = await startThrowawayRedis();
		step('Redis up');

		const mainPort = await freePort();
		const webhookPort = await freePort();
		const mainUrl = instanceBaseUrl(mainPort);
		const webhookUrl = instanceBaseUrl(webhookPort);
		const shared: NodeJS.ProcessEnv = {
			EXECUTIONS_MODE: 'queue',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			// Production webhook URLs shown and registered point at the webhook process ...
			N8N_WEBHOOK_URL: `${webhookUrl}/`,
			N8N_EDITOR_BASE_URL: `${mainUrl}/`,
			// ... which alone serves them: a test that posts to the main fails instead of passing unscaled.
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			// Editor ("manual") runs go to the workers too (the default of n8n 3).
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		};
		const config = async (name: string, port: number, env: NodeJS.ProcessEnv = {}): Promise<InstanceConfig> => {
			// The database is new at every start, so a folder left in a kept dir holds nothing to keep
			// (and its settings file would hold an earlier encryption key).
			const userFolder = join(dir, name);
			rmSync(userFolder, { recursive: true, force: true });
			mkdirSync(userFolder, { recursive: true });
			return {
				userFolder,
				port,
				brokerPort: await freePort(),
				encryptionKey,
				env: { ...shared, ...env, ...options.env },
			};
		};

		const mainConfig = await config('main', mainPort);
		const webhookConfig = await config('webhook', webhookPort);
		const workerConfigs: InstanceConfig[] = [];
		for (let index = 1; index <= workerCount; index++) {
			const healthPort = await freePort();
			workerConfigs.push(
				await config(`worker-${index}`, healthPort, {
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				}),
			);
		}
		const logFile = (name: string) => {
			const file = join(dir, `${name}.log`);
			writeFileSync(file, '');
			return file;
		};

		const main = n8nProcess({
			name: 'main',
			args: ['start'],
			config: mainConfig,
			logFile: logFile('main'),
			waitReady: (self) => waitForReadiness(mainUrl, self.pid, self.logFile, readyTimeoutMs),
		});
		const webhook = n8nProcess({
			name: 'webhook',
			args: ['webhook'],
			config: webhookConfig,
			logFile: logFile('webhook'),
			async waitReady(self) {
				await waitForReadiness(webhookUrl, self.pid, self.logFile, readyTimeoutMs);
				for (const path of options.webhookPaths ?? []) await waitForWebhook(webhookUrl, path);
			},
		});
		const workers = workerConfigs.map((workerConfig, index) => {
			const name = `worker-${index + 1}`;
			const healthUrl = instanceBaseUrl(workerConfig.port);
			const worker = n8nProcess({
				name,
				args: ['worker', `--concurrency=${concurrency}`],
				config: workerConfig,
				logFile: logFile(name),
				async waitReady(self, logOffset) {
					await waitForLogLine(self.logFile, WORKER_READY, { offset: logOffset, groupId: self.pid, what: name, timeoutMs: readyTimeoutMs });
					await waitForReadiness(healthUrl, self.pid, self.logFile, readyTimeoutMs);
				},
			});
			return Object.assign(worker, {
				healthUrl,
				executionIds: () => [...readLogFrom(worker.logFile).matchAll(WORKER_STARTED_EXECUTION)].map((match) => match[1]),
			});
		});
		processes.push(webhook, ...workers, main);

		// The main's database is everyone's: fixtures imported with its config reach every process.
		if (options.tarball) installPackageInto(mainConfig.userFolder, options.tarball);
		if (options.credentials?.length) await importCredentials(mainConfig, options.credentials);
		if (options.workflows?.length) await importWorkflows(mainConfig, options.workflows);
		for (const id of options.publishWorkflowIds ?? []) await publishWorkflow(mainConfig, id);
		step('package installed on the main, fixtures imported');

		const mainStarted = main.start();
		// While the main boots (the other processes wait for its migrations and activation).
		try {
			if (options.tarball) for (const other of [webhookConfig, ...workerConfigs]) installPackageInto(other.userFolder, options.tarball);
		} finally {
			await mainStarted;
		}
		step('main ready');

		const owner = options.owner ?? DEFAULT_OWNER;
		const [, , cookie] = await Promise.all([
			webhook.start(),
			Promise.all(workers.map((worker) => worker.start())),
			ownerSession(mainUrl, owner),
		]);
		const apiKey = await createApiKey(mainUrl, cookie, 'messenger-otn queue stack');
		step(`webhook process and ${workerCount} worker(s) ready`);

		const server = postgres;
		return {
			main: Object.assign(main, { baseUrl: mainUrl, apiKey, cookie, owner }),
			mainUrl,
			webhookUrl,
			apiKey,
			cookie,
			owner,
			webhookProcess: Object.assign(webhook, { baseUrl: webhookUrl }),
			workers,
			postgres: server,
			tokenStoreDatabase: TOKEN_STORE_DATABASE,
			tokenStore: { host: server.host, port: server.port, database: TOKEN_STORE_DATABASE, user: server.user, password: server.password },
			queryTokenStore: (sql: string) => psqlQuery(server, TOKEN_STORE_DATABASE, sql),
			redis,
			encryptionKey,
			dir,
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
