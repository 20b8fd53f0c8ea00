/**
 * A pid file per kept instance (an e2e run, the demo) naming n8n's process group and the process
 * that started it. If that process died without stopping its n8n (kill -9, a crash), the next start
 * finds the orphan here and stops it, so ports and the task broker are free again. An n8n whose
 * starter is still alive belongs to a run in progress and is left alone.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

import { isGroupAlive, stopGroup } from './process-group';

interface PidFile {
	pid: number;
	ownerPid: number;
}

export function isProcessAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Whether the process is still an n8n (pids are reused). */
function isN8nProcess(pid: number): boolean {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('n8n');
	} catch {
		return false;
	}
}

/** Stops the n8n named in pidFile if its starter is gone; returns false if a live run owns it. */
export async function stopStaleInstance(pidFile: string): Promise<boolean> {
	if (!existsSync(pidFile)) return true;
	const { pid, ownerPid } = JSON.parse(readFileSync(pidFile, 'utf8')) as PidFile;
	if (isProcessAlive(ownerPid)) return false;
	if (isGroupAlive(pid) && isN8nProcess(pid)) {
		console.log(`Stopping an n8n left running by an earlier run (process group ${pid}).`);
		await stopGroup(pid);
	}
	rmSync(pidFile, { force: true });
	return true;
}

export function writePidFile(pidFile: string, pid: number): void {
	const content: PidFile = { pid, ownerPid: process.pid };
	writeFileSync(pidFile, JSON.stringify(content));
}

export function removePidFile(pidFile: string): void {
	rmSync(pidFile, { force: true });
}
