/**
 * examples/broadcast-shard-in-pages-postgres.json in a real queue-mode n8n (PostgreSQL, Redis, a
 * main, a webhook process and two workers, the emulator as Meta): two shards, started at the webhook
 * process as the coordinator starts them, each run on a worker of its own and move their share of
 * the audience page by page; every subscriber gets one message, every row is written back, and the
 * Page's rate holds. (How the pages split the audience is checked in test/e2e/broadcastInPages.test.ts,
 * where successful executions are kept to be read.)
 */
import { issuedTokenRows } from '../../bench/broadcast/tokenRows';
import { DEFAULT_PAGE_ID } from '../../emulator/config';
import { insertTokenRowsWithPsql } from '../../scripts/postgres/throwawayPostgres';
import { executionsOf, waitUntil } from '../../scripts/queue/queueExecutions';
import { QUEUE_SETUP_TIMEOUT_MS, useQueueStack } from './queueFixture';

const SUBSCRIBERS = 1000;
const PAGE_SIZE = 200;
/** Meta's published Send API limit per Page, as the emulator's limit and as the Send Rate: Meta's count is then held to it. */
const RATE = 300;
const BATCH = 50;

describe('queue mode: a broadcast in two shards, each page by page', () => {
	const queue = useQueueStack('pages', { shardExample: 'broadcast-shard-in-pages-postgres.json' });
	let tokens: string[];

	beforeAll(async () => {
		const rows = await issuedTokenRows(queue.control, DEFAULT_PAGE_ID, SUBSCRIBERS);
		tokens = rows.map((row) => String(row.token));
		insertTokenRowsWithPsql((sql) => queue.stack.queryTokenStore(sql), rows, 100);
	}, QUEUE_SETUP_TIMEOUT_MS);

	it('runs the two shards on both workers, page by page: every subscriber once, every row written back, the busiest second within the limit and a batch', async () => {
		await queue.control.setRateLimit(RATE, DEFAULT_PAGE_ID);
		await queue.control.resetStats();
		const body = { campaign: 'queue-pages', topic: 'deals', text: 'Deals weekend', ratePerSecond: RATE, shardCount: 2, pageSize: PAGE_SIZE };
		await Promise.all(
			[1, 2].map(async (shardNumber) => {
				const response = await fetch(queue.content.shard.url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', [queue.content.shardKey.name]: queue.content.shardKey.value },
					body: JSON.stringify({ ...body, shardNumber }),
				});
				await response.text();
				expect(response.status).toBe(200);
			}),
		);

		// Done when every row is written back (successful executions are not kept: the template says so).
		await waitUntil(() => (Number(queue.stack.queryTokenStore(`SELECT count(*) FROM otn_tokens WHERE status <> 'used'`)) === 0 ? true : undefined), 10 * 60 * 1000);
		const delivered = await queue.control.deliveries({ pageId: DEFAULT_PAGE_ID });
		const counts = executionsOf(queue.stack, queue.content.shard.id);

		expect(delivered.map((delivery) => delivery.token).sort()).toEqual([...tokens].sort());
		expect(counts.byStatus.error ?? 0).toBe(0);
		expect(counts.byStatus.crashed ?? 0).toBe(0);
		// The shards came from the queue to both workers (each worker's log names the executions it took).
		const ranPerWorker = queue.stack.workers.map((worker) => worker.executionIds().length);
		for (const ran of ranPerWorker) expect(ran).toBeGreaterThan(0);
		const [page] = (await queue.control.stats()).pages.filter((stats) => stats.key === DEFAULT_PAGE_ID);
		console.log(
			`queue shards in pages: executions taken per worker ${ranPerWorker.join(' / ')}, shard workflow executions left in the database by status ${JSON.stringify(counts.byStatus)}, ` +
				`${delivered.length} deliveries to ${new Set(delivered.map((delivery) => delivery.token)).size} subscribers; rate-limited ${page.rateLimited}, busiest second ${page.peakPerSecond} (limit ${RATE})`,
		);
		// Each page's broadcast starts from the Page's last second in its worker (the page before ran
		// there), so the page boundaries meet no refusal; a starved machine may still see the emulator
		// count a burst late, so up to one batch's worth is allowed (retried; every subscriber got one
		// message, above).
		expect(page.rateLimited).toBeLessThanOrEqual(BATCH);
		expect(page.peakPerSecond).toBeLessThanOrEqual(RATE + BATCH);
	}, 15 * 60 * 1000);
});
