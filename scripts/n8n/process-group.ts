/**
 * n8n starts child processes of its own (the task runner), so it runs as the leader of its own
 * process group and is stopped as a group: SIGTERM, wait until every member is gone, SIGKILL after
 * a grace period. A leftover member would keep the task-broker port and break the next start.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

export interface GroupOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	logFile: string;
}

/** Starts `command` detached (setsid) with stdout and stderr appended to logFile; returns the group id. */
export function spawnGroup(command: string, args: string[], options: GroupOptions): number {
	const log = openSync(options.logFile, 'a');
	try {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', log, log] });
		if (child.pid === undefined) throw new Error(`Could not start ${command}`);
		child.unref();
		return child.pid;
	} finally {
		closeSync(log);
	}
}

export function isGroupAlive(groupId: number): boolean {
	try {
		process.kill(-groupId, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function signalGroup(groupId: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-groupId, signal);
	} catch {
		// already gone
	}
}

/** Stops the whole group and resolves once no member is left. */
export async function stopGroup(groupId: number, graceMs = 20000): Promise<void> {
	signalGroup(groupId, 'SIGTERM');
	const deadline = Date.now() + graceMs;
	while (isGroupAlive(groupId) && Date.now() < deadline) await sleep(200);
	if (!isGroupAlive(groupId)) return;
	signalGroup(groupId, 'SIGKILL');
	while (isGroupAlive(groupId)) await sleep(100);
}

/**
 * Last resort when this process ends without stopping the group: on exit (a crash, process.exit)
 * the group is killed; on Ctrl-C or SIGTERM it is asked to stop, and the signal then takes its
 * default course unless someone else handles it. Returns a function that removes these hooks.
 */
export function stopGroupWithParent(groupId: number): () => void {
	const onExit = () => signalGroup(groupId, 'SIGKILL');
	const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	const onSignal = (signal: NodeJS.Signals) => {
		signalGroup(groupId, 'SIGTERM');
		forget();
		if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
	};
	const forget = () => {
		process.off('exit', onExit);
		for (const signal of signals) process.off(signal, onSignal);
	};
	process.on('exit', onExit);
	for (const signal of signals) process.on(signal, onSignal);
	return forget;
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}
