/**
 * `npm run queue`: the pack in a real queue-mode n8n on this machine, to look at and click through.
 * Installs PostgreSQL and Redis from Debian's packages when missing (needs root), starts them on
 * loopback, then one main, one webhook process and two workers, each with the package installed,
 * the Messenger emulator beside them, the queue-mode example workflows (capture into PostgreSQL,
 * "Broadcast in shards" and its shard) and a crowd of opt-ins posted through the webhook process.
 * Everything is thrown away on Ctrl-C.
 *
 *   npm run queue                      200 opt-ins to start with
 *   npm run queue -- --opt-ins=2000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EmulatorClient } from '../emulator/client';
import { DEFAULT_PAGE_ID } from '../emulator/config';
import { startEmulator } from '../emulator/server';
import { stopOnCtrlC, wholeNumberFlag } from './common/cli';
import { ensureN8nInstalled, packPackage } from './n8n/harness';
import { seconds } from './n8n/run-step';
import { issueOptIns, postOptIns, withDuplicates } from './queue/optInLoad';
import { startQueueStack } from './queue/queueStack';
import { createQueueContent } from './queue/queueWorkflows';

async function main(): Promise<void> {
	const started = Date.now();
	const optIns = wholeNumberFlag(process.argv.slice(2), '--opt-ins', { fallback: 200, min: 0, rule: '(0 for none)' });
	await ensureN8nInstalled();
	const dir = mkdtempSync(join(tmpdir(), 'otn-queue-mode-'));
	console.log('Building and packing the package…');
	const tarball = packPackage({ destination: dir });
	const emulator = await startEmulator({ port: 0 });
	console.log(`Emulator listening on ${emulator.url}; starting PostgreSQL, Redis, the main, the webhook process and 2 workers…`);
	const stack = await startQueueStack({ tarball, workers: 2, dir: join(dir, 'stack'), log: (line) => console.log(line) }).catch(async (error: Error) => {
		await emulator.close();
		throw error;
	});
	const stopAll = async () => {
		await stack.stop();
		await emulator.close();
		rmSync(dir, { recursive: true, force: true });
	};

	try {
		const content = await createQueueContent({
			main: stack.main,
			webhookBaseUrl: stack.webhookUrl,
			emulatorUrl: emulator.url,
			tokenStore: stack.tokenStore,
			queryTokenStore: (sql) => stack.queryTokenStore(sql),
			subscribeOnActivation: true,
		});
		if (optIns > 0) {
			console.log(`Posting ${optIns} opt-ins (10% of them twice) through the webhook process…`);
			const issued = await issueOptIns(new EmulatorClient(emulator.url), DEFAULT_PAGE_ID, optIns, 'deals');
			await postOptIns(content.capture.url, content.appSecret, withDuplicates(issued, 0.1), { concurrency: 50 });
		}
		const store = stack.tokenStore;
		console.log(`
Ready in ${seconds(started)}.
  n8n editor (main):  ${stack.mainUrl}
  login:              ${stack.owner.email} / ${stack.owner.password}
  webhook process:    ${stack.webhookUrl}/webhook/…   (every production webhook; the main serves none)
  workers:            ${stack.workers.map((worker) => `${worker.name}: process group ${worker.pid}, log ${worker.logFile}`).join('\n                      ')}
  emulator page:      ${emulator.url}/
  token store:        PGPASSWORD=${store.password} psql -h ${store.host} -p ${store.port} -U ${store.user} ${store.database}
                      SELECT status, count(*) FROM otn_tokens GROUP BY status;
  workflows:          "Messenger inbox: keep opt-in tokens in PostgreSQL"   ${stack.mainUrl}/workflow/${content.capture.id}
                      "Broadcast in shards across queue-mode workers"       ${stack.mainUrl}/workflow/${content.split.id}
                      "Broadcast shard: send to one shard of a topic"       ${stack.mainUrl}/workflow/${content.shard.id}

Try it:
  1. Open "Broadcast in shards" and click "Execute workflow": it starts one shard execution per
     shard through the webhook process; the Executions list shows them, each run by a worker
     (the worker logs above say which).
  2. The emulator page shows each subscriber's one message; otn_tokens turns "used".
  3. Run it again: nothing more is sent. Kill a worker in the middle of a bigger run
     (--opt-ins=5000; kill -9 -<process group>) and run it again: nothing is sent twice, nobody
     is left out.
Press Ctrl-C to stop and remove everything.`);
	} catch (error) {
		await stopAll();
		throw error;
	}

	stopOnCtrlC('n8n, Redis, PostgreSQL and the emulator', stopAll);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
