import { createHash } from 'crypto';

/**
 * Which of `shardCount` shards (1-based) a subscriber belongs to, so that shards running as separate
 * executions split one audience without overlap. Keyed by subscriber, not token: Select for
 * Broadcast keeps one token per subscriber and topic, and two tokens of one subscriber in two shards
 * would be sent twice. The same in PostgreSQL (11 or later), for stores that shard in SQL:
 *
 *   (('x' || substr(encode(sha256(convert_to("pageId" || ':' || "psid", 'UTF8')), 'hex'), 1, 8))::bit(32)::bigint % N) + 1
 */
export function shardOf(pageId: string, psid: string, shardCount: number): number {
	if (!Number.isInteger(shardCount) || shardCount < 1) throw new RangeError(`shardCount must be an integer of at least 1, not ${shardCount}`);
	// The first 32 bits as an unsigned integer: what the SQL's bit(32)::bigint reads.
	const first32 = parseInt(createHash('sha256').update(`${pageId}:${psid}`, 'utf8').digest('hex').slice(0, 8), 16);
	return (first32 % shardCount) + 1;
}
