import { AdaptivePacer } from '../../../nodes/shared/broadcast/adaptivePacer';
import { runBroadcast, type BroadcastOptions } from '../../../nodes/shared/broadcast/broadcastRunner';
import { PageTail } from '../../../nodes/shared/broadcast/pageTail';
import { SEND_API_AUDIO_VIDEO_CALLS_PER_SECOND, SEND_API_CALLS_PER_SECOND, sendApiLimitFor } from '../../../nodes/shared/broadcast/sendApiLimits';
import { FakeClock } from './fakeClock';
import { busiestSecond, jitteryMeta, perSecondOf, requests } from './pacedCalls';

const options = (clock: FakeClock, pacer: AdaptivePacer): BroadcastOptions => ({
	ratePerSecond: 250,
	concurrency: 4,
	batchSize: 50,
	maxAttempts: 3,
	clock,
	pacer,
});

describe('the Send Rate, paced by when sends leave, under Meta’s limit', () => {
	it('holds 98% of a Send Rate under Meta’s limit, and Meta never counts more than its limit in a second, wherever it counts', async () => {
		const clock = new FakeClock();
		const meta = jitteryMeta(clock);
		const pacer = new AdaptivePacer(clock, { targetPerSecond: 250, metaLimitPerSecond: SEND_API_CALLS_PER_SECOND });
		const { verdicts } = await runBroadcast(requests(10_000), meta.send, options(clock, pacer));
		expect(verdicts.every((verdict) => verdict.kind === 'sent')).toBe(true);
		expect(busiestSecond(meta.calls)).toBeLessThanOrEqual(250);
		expect(busiestSecond(meta.countedOnArrival)).toBeLessThanOrEqual(300);
		expect(busiestSecond(meta.countedAtAnswer)).toBeLessThanOrEqual(300);
		// Round trips vary by 60 ms: bounding Meta's count by the Send Rate itself would cost ~5% here.
		expect(perSecondOf(meta.calls)).toBeGreaterThanOrEqual(0.98 * 250);
	});

	it('keeps Meta’s count within its limit when the Send Rate is at or above it', async () => {
		const clock = new FakeClock();
		const meta = jitteryMeta(clock);
		const pacer = new AdaptivePacer(clock, { targetPerSecond: 400, metaLimitPerSecond: SEND_API_CALLS_PER_SECOND });
		await runBroadcast(requests(3000), meta.send, { ...options(clock, pacer), ratePerSecond: 400 });
		expect(busiestSecond(meta.countedOnArrival)).toBeLessThanOrEqual(300);
		expect(busiestSecond(meta.countedAtAnswer)).toBeLessThanOrEqual(300);
	});

	it('lowers the bound for audio and video, whatever the Send Rate', async () => {
		expect(sendApiLimitFor([{ text: 'Deals' }, { attachment: { type: 'image', payload: { url: 'https://example.com/a.png' } } }])).toBe(
			SEND_API_CALLS_PER_SECOND,
		);
		expect(sendApiLimitFor([{ text: 'Deals' }, { attachment: { type: 'video', payload: { url: 'https://example.com/a.mp4' } } }])).toBe(
			SEND_API_AUDIO_VIDEO_CALLS_PER_SECOND,
		);
		const clock = new FakeClock();
		const meta = jitteryMeta(clock);
		const pacer = new AdaptivePacer(clock, { targetPerSecond: 250, metaLimitPerSecond: SEND_API_CALLS_PER_SECOND });
		pacer.limitMetaCountTo(SEND_API_AUDIO_VIDEO_CALLS_PER_SECOND);
		await runBroadcast(requests(60), meta.send, { ...options(clock, pacer), batchSize: 1 });
		expect(busiestSecond(meta.countedOnArrival)).toBeLessThanOrEqual(10);
		expect(busiestSecond(meta.countedAtAnswer)).toBeLessThanOrEqual(10);
	});

	it('starts the next page from the Page’s last second in this process: two broadcasts back to back stay within both windows', async () => {
		const clock = new FakeClock();
		const meta = jitteryMeta(clock);
		const tail = new PageTail();
		for (const page of ['a', 'b']) {
			const pacer = new AdaptivePacer(clock, { targetPerSecond: 250, metaLimitPerSecond: SEND_API_CALLS_PER_SECOND });
			pacer.continuePageTail(tail);
			await runBroadcast(requests(500, page), meta.send, options(clock, pacer));
		}
		expect(meta.calls.reduce((sum, call) => sum + call.size, 0)).toBe(1000);
		expect(busiestSecond(meta.calls)).toBeLessThanOrEqual(250);
		expect(busiestSecond(meta.countedAtAnswer)).toBeLessThanOrEqual(300);
	});

	it('without the tail, the next page’s first second would hold both pages’ sends (what the tail prevents)', async () => {
		const clock = new FakeClock();
		const meta = jitteryMeta(clock);
		for (const page of ['a', 'b']) {
			const pacer = new AdaptivePacer(clock, { targetPerSecond: 250, metaLimitPerSecond: SEND_API_CALLS_PER_SECOND });
			await runBroadcast(requests(500, page), meta.send, options(clock, pacer));
		}
		expect(busiestSecond(meta.countedAtAnswer)).toBeGreaterThan(300);
	});
});

describe('a Page that takes less than Meta’s published limit', () => {
	/** A fake Meta that counts each call on arrival and refuses a batch that would take the Page over `limit` in a second. */
	function pageTakingOnly(clock: FakeClock, limit: number) {
		const counted: Array<{ at: number; size: number }> = [];
		let refused = 0;
		let seed = 5;
		const send = async (batch: ReturnType<typeof requests>) => {
			// The outward trip varies from 20 to 80 ms (seeded), the way back takes 50 ms.
			seed = (seed * 16807) % 2147483647;
			await clock.sleep(20 + (seed % 61));
			const now = clock.now();
			const inSecond = counted.filter((call) => call.at > now - 1000).reduce((sum, call) => sum + call.size, 0);
			const over = inSecond + batch.length > limit;
			if (over) refused++;
			else counted.push({ at: now, size: batch.length });
			await clock.sleep(50);
			return batch.map((_, i) =>
				over
					? { ok: false as const, error: { message: 'Calls to this api have exceeded the rate limit.', code: 613 }, errorClass: 'throttled' as const, meaning: 'rate limit', mayHaveBeenDelivered: false }
					: { ok: true as const, messageId: `m${counted.length}_${i}` },
			);
		};
		return { send, counted, refusedCalls: () => refused };
	}

	it('holds Meta’s count to the Send Rate after one refusal, and the Page’s next broadcast in the process starts there', async () => {
		const clock = new FakeClock();
		const meta = pageTakingOnly(clock, 50);
		const tail = new PageTail();
		const refusalsPerPage: number[] = [];
		for (const page of ['a', 'b']) {
			const pacer = new AdaptivePacer(clock, { targetPerSecond: 50, metaLimitPerSecond: SEND_API_CALLS_PER_SECOND });
			pacer.continuePageTail(tail);
			const before = meta.refusedCalls();
			const { verdicts } = await runBroadcast(requests(300, page), meta.send, { ...options(clock, pacer), ratePerSecond: 50, batchSize: 10 });
			expect(verdicts.every((verdict) => verdict.kind === 'sent')).toBe(true);
			refusalsPerPage.push(meta.refusedCalls() - before);
		}
		expect(refusalsPerPage[0]).toBeGreaterThan(0);
		expect(refusalsPerPage[0]).toBeLessThanOrEqual(5);
		expect(refusalsPerPage[1]).toBe(0);
		expect(busiestSecond(meta.counted)).toBeLessThanOrEqual(50);
	});
});
