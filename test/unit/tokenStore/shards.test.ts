/** Select for Broadcast in shards: every subscriber in exactly one shard, the same one the README's SQL picks. */
import { createHash } from 'crypto';
import { NodeOperationError, type IDataObject, type INodeExecutionData, type NodeExecutionHint } from 'n8n-workflow';

import { selectForBroadcast as selectOperation } from '../../../nodes/OtnTokenStore/resources/token/selectForBroadcast.operation';
import { selectRowsForBroadcast, type SelectionOptions } from '../../../nodes/shared/tokens/selectForBroadcast';
import { shardOf } from '../../../nodes/shared/tokens/shardOf';
import type { TokenRow } from '../../../nodes/shared/tokens/tokenRow';
import { fakeExecuteContext } from '../requestOtn/fakeExecuteContext';
import { indexed, NOW, PAGE, tokenRow } from './tokenRows';

const everything: SelectionOptions = { topic: null, pageId: null, testPsids: [], maxRows: null, now: NOW };

function select(rows: TokenRow[], options: Partial<SelectionOptions> = {}) {
	return selectRowsForBroadcast(indexed(rows), { ...everything, ...options });
}

const ids = (entries: Array<{ row: TokenRow }>) => entries.map(({ row }) => row.tokenId);

/** The shard worked out apart from shardOf: the digest's first four bytes as an unsigned big-endian integer. */
function expectedShard(pageId: string, psid: string, count: number): number {
	return (createHash('sha256').update(Buffer.from(`${pageId}:${psid}`, 'utf8')).digest().readUInt32BE(0) % count) + 1;
}

/** Subscribers psid-0.. with one available token each, some expired, some with a second token. */
function audience(size: number): TokenRow[] {
	return Array.from({ length: size }, (_, i) => [
		tokenRow(`S${i}`, { psid: `psid-${i}`, expiresAt: i % 5 === 0 ? '2026-11-01T00:00:00.000Z' : '2027-06-01T00:00:00.000Z' }),
		...(i % 3 === 0 ? [tokenRow(`T${i}`, { psid: `psid-${i}`, expiresAt: '2027-09-01T00:00:00.000Z' })] : []),
	]).flat();
}

describe('shardOf', () => {
	it('is the first 32 bits of sha256("pageId:psid"), unsigned, modulo the count, plus 1', () => {
		const subscribers: Array<[string, string]> = [
			[PAGE, 'psid-a'],
			[PAGE, '1254459154682919'],
			['200000000000002', 'psid-b'], // digest starts 8473efa8: the top bit set, read unsigned
			[PAGE, 'ünïcödé-psid'],
		];
		for (const [pageId, psid] of subscribers) {
			for (const count of [1, 2, 3, 7, 64]) expect(shardOf(pageId, psid, count)).toBe(expectedShard(pageId, psid, count));
		}
	});

	it("gives what the README's PostgreSQL expression gave for the same subscribers", () => {
		// From PostgreSQL 15: (('x' || substr(encode(sha256(convert_to("pageId" || ':' || "psid", 'UTF8')), 'hex'), 1, 8))::bit(32)::bigint % N) + 1
		expect([2, 3, 7, 64].map((n) => shardOf(PAGE, 'psid-a', n))).toEqual([2, 2, 7, 34]);
		expect([2, 3, 7, 64].map((n) => shardOf('200000000000002', 'psid-b', n))).toEqual([1, 1, 3, 41]);
		expect([2, 3, 7, 64].map((n) => shardOf(PAGE, 'ünïcödé-psid', n))).toEqual([2, 2, 2, 38]);
	});

	it('splits 2,000 random subscribers about evenly over 2 shards', () => {
		const sizes = [0, 0];
		for (let i = 0; i < 2000; i++) sizes[shardOf(PAGE, String(1_000_000_000_000_000 + Math.floor(Math.random() * 1e15)), 2) - 1]++;
		for (const size of sizes) {
			expect(size).toBeGreaterThanOrEqual(800);
			expect(size).toBeLessThanOrEqual(1200);
		}
	});
});

describe('Select for Broadcast in shards', () => {
	it('puts every row in exactly one shard: shards 1 to 3 together are the unsharded selection', () => {
		const rows = audience(60);
		const whole = select(rows);
		const shards = [1, 2, 3].map((number) => select(rows, { shard: { count: 3, number } }));
		const eligible = shards.flatMap((shard) => ids(shard.eligible));
		const expired = shards.flatMap((shard) => shard.statusChanges.map((update) => update.key.tokenId));
		expect(new Set(eligible).size).toBe(eligible.length);
		expect(new Set(expired).size).toBe(expired.length);
		expect([...eligible].sort()).toEqual(ids(whole.eligible).sort());
		expect([...expired].sort()).toEqual(whole.statusChanges.map((update) => update.key.tokenId).sort());
		expect(shards.reduce((sum, shard) => sum + shard.counts.extraTokens, 0)).toBe(whole.counts.extraTokens);
		for (const shard of shards) {
			expect(shard.counts.otherShards).toBe(whole.counts.rows - (shard.counts.eligible + shard.counts.expired + shard.counts.extraTokens));
			expect(shard.counts.otherShards).toBeGreaterThan(0);
		}
	});

	it('never puts two tokens of one subscriber and topic in two shards', () => {
		// Subscribers with two available tokens each: sharding by token would send some of them twice.
		const twoTokens = Array.from({ length: 90 }, (_, i) => i).filter((i) => i % 3 === 0 && i % 5 !== 0).map((i) => `psid-${i}`);
		const rows = audience(90).filter((row) => twoTokens.includes(row.psid));
		expect(rows).toHaveLength(2 * twoTokens.length);
		for (const count of [2, 3, 5]) {
			const sent = [...Array(count).keys()].flatMap((i) => select(rows, { shard: { count, number: i + 1 } }).eligible.map(({ row }) => row.psid));
			expect(sent.sort()).toEqual([...twoTokens].sort());
		}
	});

	it('leaves rows of other shards out of both outputs, expired ones included', () => {
		const mine = tokenRow('M', { psid: 'psid-a' }); // shard 2 of 2
		const theirsExpired = tokenRow('E', { pageId: '200000000000002', psid: 'psid-b', expiresAt: '2026-11-01T00:00:00.000Z' }); // shard 1 of 2
		const selection = select([mine, theirsExpired], { shard: { count: 2, number: 2 } });
		expect(ids(selection.eligible)).toEqual([mine.tokenId]);
		expect(selection.statusChanges).toEqual([]);
		expect(selection.counts).toMatchObject({ eligible: 1, expired: 0, otherShards: 1 });
		expect(select([mine, theirsExpired], { shard: { count: 2, number: 1 } }).statusChanges).toHaveLength(1);
	});
});

describe('the Select for Broadcast operation with shard options', () => {
	function run(options: IDataObject, items: IDataObject[] = audience(10) as unknown as IDataObject[]) {
		const hints: NodeExecutionHint[] = [];
		const { context } = fakeExecuteContext({ parameters: { topic: '', pageId: '', options }, items });
		Object.assign(context, { addExecutionHints: (...added: NodeExecutionHint[]) => hints.push(...added) });
		return { outputs: () => selectOperation.call(context) as INodeExecutionData[][], hints };
	}

	it('sends to its own shard and says how many rows it left to the others', () => {
		const { outputs, hints } = run({ shardCount: 2, shardNumber: 1 });
		const [eligible] = outputs();
		const whole = select(audience(10));
		const own = select(audience(10), { shard: { count: 2, number: 1 } });
		expect(eligible.map((item) => item.json.tokenId)).toEqual(ids(own.eligible));
		expect(own.counts.otherShards).toBeGreaterThan(1);
		expect(own.counts.eligible).toBeLessThan(whole.counts.eligible);
		expect(hints[0].message).toContain(`${own.counts.otherShards} rows belong to other shards (shard 1 of 2)`);
	});

	it('says nothing of shards when there is one', () => {
		const { outputs, hints } = run({});
		expect(outputs()[0]).toHaveLength(select(audience(10)).eligible.length);
		expect(hints[0].message).not.toContain('shard');
	});

	it.each([
		[{ shardCount: 2, shardNumber: 3 }, 'Shard Number 3 is not a whole number between 1 and Shard Count (2)', 'Set Shard Number between 1 and Shard Count (2); the coordinator passes 1..N to its N shards.'],
		[{ shardCount: 2, shardNumber: 0 }, 'Shard Number 0', 'Set Shard Number between 1 and Shard Count (2)'],
		[{ shardCount: 3, shardNumber: 1.5 }, 'Shard Number 1.5', 'Set Shard Number between 1 and Shard Count (3)'],
		[{ shardCount: 0, shardNumber: 1 }, 'Shard Count must be a whole number of at least 1, not 0', 'Set Shard Count to how many executions share the audience'],
		[{ shardCount: 2.5, shardNumber: 1 }, 'Shard Count must be a whole number', 'Set Shard Count'],
	])('refuses %j and says how to fix it', (options, message, description) => {
		const { outputs } = run(options);
		let error: unknown;
		try {
			outputs();
		} catch (thrown) {
			error = thrown;
		}
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toContain(message);
		expect((error as NodeOperationError).description).toContain(description);
	});
});
