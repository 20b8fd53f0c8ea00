import { AdaptivePacer } from '../../../nodes/shared/broadcast/adaptivePacer';
import { runBroadcast } from '../../../nodes/shared/broadcast/broadcastRunner';
import { FakeClock } from './fakeClock';
import { busiestSecond, jitteryMeta, perSecondOf, requests } from './pacedCalls';

describe('even spacing of batches', () => {
	it("sends each second's batches at steady intervals, not together, within the rate and at no less than 96% of it", async () => {
		const clock = new FakeClock();
		const meta = jitteryMeta(clock);
		const { verdicts, stats } = await runBroadcast(requests(2000), meta.send, {
			ratePerSecond: 250,
			concurrency: 4,
			batchSize: 50,
			maxAttempts: 3,
			clock,
		});
		expect(verdicts.every((verdict) => verdict.kind === 'sent')).toBe(true);
		expect(stats.calls).toBe(40);
		const gaps = meta.calls.slice(1).map((call, i) => call.at - meta.calls[i].at);
		// 50 messages at 250/s: a batch every 200 ms on average, never two within ¾ of that less 10 ms of slack.
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(140);
		expect(busiestSecond(meta.calls)).toBeLessThanOrEqual(250);
		const perSecond = perSecondOf(meta.calls);
		// Each window waits a second after the send five batches back, plus the guard and that send's
		// round trip beyond the quickest: 20 ms and 30 ms on average here, so about 96% is the ceiling.
		expect(perSecond).toBeGreaterThanOrEqual(0.96 * 250);
		expect(perSecond).toBeLessThanOrEqual(250);
	});

	it('counts the check of the credential made just before in the first window, in case Meta counts it with the sends', async () => {
		const clock = new FakeClock();
		const meta = jitteryMeta(clock);
		// GET /me left 100 ms ago and was answered just now; Meta may have counted it as late as that.
		const check = { leftAt: clock.now() - 100, answeredAt: clock.now() };
		const pacer = new AdaptivePacer(clock, { targetPerSecond: 250 });
		pacer.countEarlierCall(check.leftAt, check.answeredAt);
		await runBroadcast(requests(500), meta.send, { ratePerSecond: 250, concurrency: 4, batchSize: 50, maxAttempts: 3, clock, pacer });
		expect(busiestSecond([{ at: check.answeredAt, size: 1 }, ...meta.calls])).toBeLessThanOrEqual(250);
	});

	it("counts the check of the credential in Meta's window only: it is no message, so the Send Rate's first second is the messages' own", async () => {
		const clock = new FakeClock();
		const meta = jitteryMeta(clock);
		const check = { leftAt: clock.now() - 100, answeredAt: clock.now() };
		const pacer = new AdaptivePacer(clock, { targetPerSecond: 250, metaLimitPerSecond: 300 });
		pacer.countEarlierCall(check.leftAt, check.answeredAt);
		await runBroadcast(requests(500), meta.send, { ratePerSecond: 250, concurrency: 4, batchSize: 50, maxAttempts: 3, clock, pacer });
		// Five batches of 50 (the Send Rate) leave within a second of the check, which Meta counts beside them (≤ 300).
		expect(meta.calls[4].at).toBeLessThan(check.leftAt + 1000);
		expect(busiestSecond(meta.calls)).toBeLessThanOrEqual(250);
		expect(busiestSecond([{ at: check.answeredAt, size: 1 }, ...meta.calls])).toBeLessThanOrEqual(300);
	});

	it('spaces single messages too: at 20/s, never two within 27 ms', async () => {
		const clock = new FakeClock();
		const meta = jitteryMeta(clock);
		await runBroadcast(requests(100), meta.send, { ratePerSecond: 20, concurrency: 4, batchSize: 1, maxAttempts: 3, clock });
		const gaps = meta.calls.slice(1).map((call, i) => call.at - meta.calls[i].at);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(27);
		expect(busiestSecond(meta.calls)).toBeLessThanOrEqual(20);
	});
});
