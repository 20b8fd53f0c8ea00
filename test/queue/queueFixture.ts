/**
 * A queue-mode n8n for one test file: the emulator as Meta, the packed package on a main, a webhook
 * process and two workers (concurrency 5, n8n's smallest recommended), and the queue-mode examples
 * published in it (scripts/queue/queueWorkflows.ts). Stopped and removed after the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EmulatorClient } from '../../emulator/client';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { packPackage } from '../../scripts/n8n/pack';
import { startQueueStack, type QueueStack } from '../../scripts/queue/queueStack';
import { createQueueContent, type QueueContent } from '../../scripts/queue/queueWorkflows';

// A fresh machine installs PostgreSQL and Redis from Debian's packages and boots four n8n processes.
export const QUEUE_SETUP_TIMEOUT_MS = 15 * 60 * 1000;

export interface QueueFixture {
	emulator: RunningEmulator;
	control: EmulatorClient;
	stack: QueueStack;
	content: QueueContent;
}

export function useQueueStack(name: string, options: { shardExample?: string } = {}): QueueFixture {
	const dir = mkdtempSync(join(tmpdir(), `otn-queue-${name}-`));
	const fixture = {} as QueueFixture;
	beforeAll(async () => {
		fixture.emulator = await startEmulator({ port: 0 });
		fixture.control = new EmulatorClient(fixture.emulator.url);
		const tarball = packPackage({ destination: dir });
		fixture.stack = await startQueueStack({ tarball, workers: 2, workerConcurrency: 5, dir: join(dir, 'stack') });
		fixture.content = await createQueueContent({
			main: fixture.stack.main,
			webhookBaseUrl: fixture.stack.webhookUrl,
			emulatorUrl: fixture.emulator.url,
			tokenStore: fixture.stack.tokenStore,
			queryTokenStore: (sql) => fixture.stack.queryTokenStore(sql),
			subscribeOnActivation: false,
			shardExample: options.shardExample,
		});
	}, QUEUE_SETUP_TIMEOUT_MS);
	afterAll(async () => {
		await fixture.stack?.stop();
		await fixture.emulator?.close();
		rmSync(dir, { recursive: true, force: true });
	});
	return fixture;
}
