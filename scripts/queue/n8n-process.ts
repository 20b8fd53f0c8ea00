/**
 * One n8n process of a queue-mode stack (`n8n start`, `n8n webhook` or `n8n worker`) that can be
 * killed and started again: each start runs it as the leader of its own process group (its task
 * runner included) with output appended to one log file, hooks it to this process's exit, and
 * waits until it is ready by the role's own test.
 */
import { appendFileSync, existsSync, statSync } from 'node:fs';

import { type InstanceConfig, n8nEnv } from '../n8n/n8n-env';
import { isGroupAlive, sleep, spawnGroup, stopGroup, stopGroupWithParent } from '../n8n/process-group';
import { n8nBin, nodeBin } from '../n8n/runtime';

export interface N8nProcessOptions {
	/** e.g. `main`, `webhook`, `worker-1`. */
	name: string;
	/** The n8n command and its flags, e.g. `['worker', '--concurrency=10']`. */
	args: string[];
	config: InstanceConfig;
	logFile: string;
	/** Resolves once the process just started serves; `logOffset` is where this start's output begins. */
	waitReady(process: N8nProcess, logOffset: number): Promise<void>;
}

export interface N8nProcess {
	readonly name: string;
	readonly userFolder: string;
	/** Every start appends to it, after a `--- start` line. */
	readonly logFile: string;
	/** The HTTP port it listens on (a worker: its worker server, for /healthz). */
	readonly port: number;
	/** The process group id (n8n's pid) of the current or last start. */
	readonly pid: number;
	isRunning(): boolean;
	/** Starts it (again) and waits until it is ready; stops it again if it never gets there. */
	start(): Promise<void>;
	/**
	 * Sends `signal` (default SIGKILL, a crash) to the whole group and resolves once every member is
	 * gone; a group still there after `graceMs` (default 60 s) is killed.
	 */
	kill(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
	/** A clean stop: SIGTERM, then SIGKILL after 20 s; resolves once the group is gone. */
	stop(): Promise<void>;
}

export function n8nProcess(options: N8nProcessOptions): N8nProcess {
	let pid = 0;
	let forgetExitHook: () => void = () => undefined;
	const isRunning = () => pid !== 0 && isGroupAlive(pid);

	const handle: N8nProcess = {
		name: options.name,
		userFolder: options.config.userFolder,
		logFile: options.logFile,
		port: options.config.port,
		get pid() {
			return pid;
		},
		isRunning,
		async start() {
			if (isRunning()) throw new Error(`${options.name} is already running (process group ${pid})`);
			const logOffset = existsSync(options.logFile) ? statSync(options.logFile).size : 0;
			appendFileSync(options.logFile, `--- start n8n ${options.args.join(' ')} at ${new Date().toISOString()}\n`);
			pid = spawnGroup(nodeBin, [n8nBin, ...options.args], {
				cwd: options.config.userFolder,
				env: n8nEnv(options.config),
				logFile: options.logFile,
			});
			forgetExitHook = stopGroupWithParent(pid);
			try {
				await options.waitReady(handle, logOffset);
			} catch (error) {
				await handle.kill();
				throw error;
			}
		},
		async kill(signal: NodeJS.Signals = 'SIGKILL', graceMs = 60000) {
			if (pid === 0) return;
			signalGroup(pid, signal);
			const deadline = Date.now() + graceMs;
			while (isGroupAlive(pid) && Date.now() < deadline) await sleep(100);
			if (isGroupAlive(pid)) {
				signalGroup(pid, 'SIGKILL');
				while (isGroupAlive(pid)) await sleep(100);
			}
			forgetExitHook();
		},
		async stop() {
			if (pid === 0) return;
			await stopGroup(pid);
			forgetExitHook();
		},
	};
	return handle;
}

function signalGroup(groupId: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-groupId, signal);
	} catch {
		// already gone
	}
}
