/**
 * Waits until n8n serves its API. `/healthz` answers 200 before the webhook and REST routes
 * exist; `/healthz/readiness` answers 200 only once n8n is ready (database connected, migrated).
 * n8n 1.x answers readiness before it mounts the REST routes: waitForRestApi waits for those too,
 * where there is a REST API (a main process; webhook processes and workers have none).
 */
import { readFileSync } from 'node:fs';

import { isGroupAlive, sleep } from './process-group';

export async function waitForReadiness(baseUrl: string, groupId: number, logFile: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!isGroupAlive(groupId)) throw new Error(`n8n exited during start.\n${logTail(logFile)}`);
		try {
			const response = await fetch(`${baseUrl}/healthz/readiness`);
			if (response.status === 200) return;
		} catch {
			// not listening yet
		}
		await sleep(250);
	}
	throw new Error(`n8n was not ready within ${timeoutMs / 1000} s.\n${logTail(logFile)}`);
}

/** Until `/rest/settings` (the login page's own call, no session needed) answers. */
export async function waitForRestApi(baseUrl: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(`${baseUrl}/rest/settings`)).status === 200) return;
		} catch {
			// a busy n8n can drop a connection while it starts: ask again
		}
		await sleep(250);
	}
	throw new Error(`n8n's REST API did not answer within ${timeoutMs / 1000} s.`);
}

export function logTail(logFile: string, lines = 40): string {
	try {
		return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}
