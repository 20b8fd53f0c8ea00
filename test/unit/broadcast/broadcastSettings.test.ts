/** OTN Broadcast's settings and summary: shards sending at once divide the Page's send rate among them. */
import type { IDataObject } from 'n8n-workflow';

import { readBroadcastSettings } from '../../../nodes/OtnBroadcast/broadcastSettings';
import { broadcastHint, type BroadcastCounts } from '../../../nodes/OtnBroadcast/broadcastHint';
import { fakeExecuteContext } from '../requestOtn/fakeExecuteContext';

function settings(parameters: IDataObject) {
	return readBroadcastSettings(fakeExecuteContext({ parameters: { campaign: 'spring-sale-2026', ...parameters } }).context);
}

describe('Shards Sharing the Send Rate', () => {
	it('leaves the Send Rate whole when not set', () => {
		expect(settings({ ratePerSecond: 100 })).toMatchObject({ ratePerSecond: 100, shardsSharingRate: 1 });
	});

	it('gives each shard Send Rate ÷ shards, so together they keep to the Page rate', () => {
		expect(settings({ ratePerSecond: 100, options: { shardsSharingRate: 2 } })).toMatchObject({ ratePerSecond: 50, shardsSharingRate: 2 });
		expect(settings({ ratePerSecond: 300, options: { shardsSharingRate: 4 } })).toMatchObject({ ratePerSecond: 75, shardsSharingRate: 4 });
		expect(settings({ ratePerSecond: 100, options: { shardsSharingRate: 3 } }).ratePerSecond).toBeCloseTo(33.333, 3);
	});

	it.each([
		[0, 1],
		[-5, 1],
		[1000, 64],
		[2.4, 2],
		['not a number', 1],
	])('clamps %p shards to %p', (given, shards) => {
		const read = settings({ ratePerSecond: 128, options: { shardsSharingRate: given } });
		expect(read.shardsSharingRate).toBe(shards);
		expect(read.ratePerSecond).toBe(128 / shards);
	});

	it('divides the Send Rate after clamping it', () => {
		expect(settings({ ratePerSecond: 50_000, options: { shardsSharingRate: 4 } }).ratePerSecond).toBe(2_500);
	});
});

describe('the broadcast summary with shards', () => {
	const counts: BroadcastCounts = {
		campaign: 'spring-sale-2026',
		dryRun: false,
		sent: 500,
		unconfirmed: 0,
		notSent: {},
		stats: { calls: 10, throttledAnswers: 0, retries: 0, durationMs: 10_000, finalRatePerSecond: 50 },
	};

	it("names this shard's share of the rate when shards share it", () => {
		const { message } = broadcastHint({ ...counts, rateShare: { ratePerSecond: 50, shardsSharingRate: 2 } });
		expect(message).toContain("50.0 messages/s (this shard's share: 50 of 100 messages/s)");
		expect(broadcastHint({ ...counts, rateShare: { ratePerSecond: 100 / 3, shardsSharingRate: 3 } }).message).toContain(
			"(this shard's share: 33.3 of 100 messages/s)",
		);
	});

	it('says nothing of shards when one execution has the whole rate', () => {
		expect(broadcastHint({ ...counts, rateShare: { ratePerSecond: 100, shardsSharingRate: 1 } }).message).not.toContain('shard');
		expect(broadcastHint(counts).message).not.toContain('shard');
	});
});

describe('the batch size against the rate', () => {
	it.each([
		// [Batch Size, Send Rate, shards, batches sent]
		[50, 100, 1, 50],
		[50, 250, 2, 25],
		[50, 137, 1, 34],
		[50, 100, 2, 50],
		[50, 120, 1, 40],
		[50, 10, 1, 10],
		[50, 0.5, 1, 1],
		[20, 300, 1, 20],
	])('batches of at most %p at %p/s over %p shard(s) go out %p at a time, so every second carries its whole share', (batchSize, ratePerSecond, shards, expected) => {
		const read = settings({ ratePerSecond, options: { batchSize, shardsSharingRate: shards } });
		expect(read.batchSize).toBe(expected);
		const perSecond = Math.floor(read.ratePerSecond);
		if (perSecond >= 1) expect(Math.floor(perSecond / read.batchSize) * read.batchSize).toBeGreaterThanOrEqual(perSecond - 1);
	});

	it('keeps one message per call through the paid API', () => {
		expect(settings({ sendThrough: 'paidApi', campaignId: '120330000000000001', ratePerSecond: 250, options: { batchSize: 50 } }).batchSize).toBe(1);
	});
});
