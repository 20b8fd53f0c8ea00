/**
 * Waits for a line in a process's log, for n8n processes without an HTTP readiness check of their
 * own (a worker says `n8n worker is now ready` once it takes jobs from the queue).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

import { isGroupAlive, sleep } from '../n8n/process-group';
import { logTail } from '../n8n/wait-ready';

/** The log's text from `offset` on (n8n's console output may carry ANSI colour codes; they are removed). */
export function readLogFrom(logFile: string, offset = 0): string {
	const size = statSync(logFile).size;
	if (size <= offset) return '';
	const buffer = Buffer.alloc(size - offset);
	const fd = openSync(logFile, 'r');
	try {
		readSync(fd, buffer, 0, buffer.length, offset);
	} finally {
		closeSync(fd);
	}
	// eslint-disable-next-line no-control-regex
	return buffer.toString('utf8').replace(/\x1b\[[0-9;]*m/g, '');
}

/** Resolves once `pattern` appears in logFile after `offset`; fails early if the group exits. */
export async function waitForLogLine(
	logFile: string,
	pattern: RegExp,
	options: { offset?: number; groupId: number; what: string; timeoutMs?: number },
): Promise<void> {
	const timeoutMs = options.timeoutMs ?? 120000;
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (pattern.test(readLogFrom(logFile, options.offset))) return;
		if (!isGroupAlive(options.groupId)) throw new Error(`${options.what} exited during start.\n${logTail(logFile)}`);
		await sleep(250);
	}
	throw new Error(`${options.what} did not log ${pattern} within ${timeoutMs / 1000} s.\n${logTail(logFile)}`);
}
