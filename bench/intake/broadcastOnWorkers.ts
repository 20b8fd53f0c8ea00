/**
 * Broadcast throughput in queue mode: the same audience size sent by one shard on one worker (the
 * other stopped), then split into two shards on two workers, both at the same configured Page rate.
 * Rows go straight into otn_tokens (this measures sending, not intake).
 */
import type { EmulatorClient } from '../../emulator/client';
import { DEFAULT_PAGE_ID } from '../../emulator/config';
import { executionsOf, waitUntil } from '../../scripts/queue/queueExecutions';
import { insertTokenRowsWithPsql } from '../../scripts/postgres/throwawayPostgres';
import type { QueueStack } from '../../scripts/queue/queueStack';
import { type QueueContent, startShardedBroadcast } from '../../scripts/queue/queueWorkflows';
import { shardOf } from '../../nodes/shared/tokens/shardOf';
import { steadyPerSecondOf } from '../broadcast/rateBreakdown';
import { issuedTokenRow } from '../broadcast/tokenRows';
import { PAGE_LIMIT_PER_SECOND, RATE_PER_SECOND } from './conditions';

export interface BroadcastFigures {
	label: string;
	shards: number;
	/** Which workers ran the shards, as their logs say. */
	ranOn: string[];
	tokens: number;
	delivered: number;
	/** First to last delivery, on the emulator's clock. */
	sendingSeconds: number;
	messagesPerSecond: number;
	/** Between the first and the last tenth of the deliveries: the pace without the start and the end. */
	steadyPerSecond: number;
	peakPerSecond: number;
	rateLimited: number;
	/** Per shard: its deliveries, and its first and last one in seconds after the run's first delivery. */
	shardSpans: ShardSpan[];
}

export interface ShardSpan {
	delivered: number;
	fromSeconds: number;
	toSeconds: number;
}

/** Rows per INSERT: psql takes the JSON as one argument, which Linux caps at 128 KiB. */
const INSERT_CHUNK = 150;

export async function broadcastOnWorkers(
	stack: QueueStack,
	content: QueueContent,
	control: EmulatorClient,
	tokens: number,
	progress: (message: string) => void,
): Promise<BroadcastFigures[]> {
	await control.setRateLimit(PAGE_LIMIT_PER_SECOND, DEFAULT_PAGE_ID);
	const figures: BroadcastFigures[] = [];
	const idle = stack.workers[1];
	await idle.kill();
	figures.push(await broadcastOnce(stack, content, control, tokens, { label: '1 worker, 1 shard', shards: 1 }, progress));
	await idle.start();
	figures.push(await broadcastOnce(stack, content, control, tokens, { label: '2 workers, 2 shards', shards: 2 }, progress));
	return figures;
}

async function broadcastOnce(
	stack: QueueStack,
	content: QueueContent,
	control: EmulatorClient,
	tokens: number,
	run: { label: string; shards: number },
	progress: (message: string) => void,
): Promise<BroadcastFigures> {
	const topic = `broadcast-${run.shards}`;
	const psids = await insertAudience(stack, control, tokens, topic);
	await control.resetStats();
	const before = new Set(executionsOf(stack, content.shard.id).ids);
	progress(`${run.label}: sending to ${tokens} tokens at ${RATE_PER_SECOND}/s`);
	await startShardedBroadcast(content, { campaign: `bench-${topic}`, topic, text: 'Deals weekend: 20% off.', ratePerSecond: RATE_PER_SECOND, shardCount: run.shards });
	const shardIds = await waitUntil(() => {
		const { ids, statusOf } = executionsOf(stack, content.shard.id);
		const mine = ids.filter((id) => !before.has(id));
		return mine.length === run.shards && mine.every((id) => statusOf[id] !== 'new' && statusOf[id] !== 'running') ? mine : undefined;
	}, 10 * 60 * 1000);
	const ranOn = shardIds.map((id) => stack.workers.find((worker) => worker.executionIds().includes(id))?.name ?? 'unknown');

	const audience = new Set(psids);
	const deliveries = (await control.deliveries({ pageId: DEFAULT_PAGE_ID })).filter((delivery) => audience.has(delivery.psid));
	const times = deliveries.map((delivery) => delivery.at);
	const sendingSeconds = deliveries.length > 1 ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;
	const page = (await control.stats()).pages.find((stats) => stats.key === DEFAULT_PAGE_ID);
	return {
		label: run.label,
		shards: run.shards,
		ranOn,
		tokens,
		delivered: new Set(deliveries.map((delivery) => delivery.psid)).size,
		sendingSeconds,
		// The last delivery opens a second of its own: n messages at r per second take n / r such seconds.
		messagesPerSecond: deliveries.length / (sendingSeconds + 1),
		steadyPerSecond: steadyPerSecondOf([...times].sort((a, b) => a - b)),
		peakPerSecond: page?.peakPerSecond ?? 0,
		rateLimited: page?.rateLimited ?? 0,
		shardSpans: shardSpans(deliveries, run.shards),
	};
}

/** Where each shard's sending began and ended: a late start or a bigger share shows here. */
function shardSpans(deliveries: Array<{ psid: string; at: number }>, shards: number): ShardSpan[] {
	const first = Math.min(...deliveries.map((delivery) => delivery.at));
	return Array.from({ length: shards }, (_, index) => {
		const times = deliveries.filter((delivery) => shardOf(DEFAULT_PAGE_ID, delivery.psid, shards) === index + 1).map((delivery) => delivery.at);
		return { delivered: times.length, fromSeconds: (Math.min(...times) - first) / 1000, toSeconds: (Math.max(...times) - first) / 1000 };
	});
}

/** Fresh subscribers with one-time tokens of `topic`, as token rows in otn_tokens; returns their PSIDs. */
async function insertAudience(stack: QueueStack, control: EmulatorClient, count: number, topic: string): Promise<string[]> {
	const rows = [];
	for (let index = 0; index < count; index++) rows.push(await issuedTokenRow(control, DEFAULT_PAGE_ID, topic, topic));
	insertTokenRowsWithPsql((sql) => stack.queryTokenStore(sql), rows, INSERT_CHUNK);
	return rows.map((row) => row.psid);
}
