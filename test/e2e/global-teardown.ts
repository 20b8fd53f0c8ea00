/** Stops the run's n8n (its whole process group) and the emulator; keeps n8n's log as last-n8n.log. */
import { copyFileSync, existsSync, rmSync } from 'node:fs';

import { lastLogFile, runDir } from './e2e-instance';
import { e2eGlobals } from './global-setup';

export default async function globalTeardown(): Promise<void> {
	const globals = e2eGlobals.messengerOtnE2e;
	await globals?.n8n?.stop();
	await globals?.emulator?.close();
	if (globals?.n8n && existsSync(globals.n8n.logFile)) copyFileSync(globals.n8n.logFile, lastLogFile);
	rmSync(runDir(), { recursive: true, force: true });
}
