import { runBroadcast } from '../../../nodes/shared/broadcast/broadcastRunner';
import { UsageWatch } from '../../../nodes/shared/broadcast/usageWatch';
import { classifyGraphError } from '../../../nodes/shared/graph/errorTable';
import type { SendOutcome } from '../../../nodes/shared/graph/sendOutcome';
import type { SendRequest } from '../../../nodes/shared/graph/sendRequest';
import { FakeClock } from './fakeClock';

const requests = (n: number): SendRequest[] =>
	Array.from({ length: n }, (_, i) => ({ recipient: { one_time_notif_token: `t${i}` }, message: { text: `m${i}` } }));

const BUDGET_SPENT = { code: 80006, httpStatus: 400, message: '(#80006) There have been too many messages sent from this Page account.' };

/**
 * A fake Meta with a Messenger budget of `budget` calls over a rolling `windowMs`: every answer
 * reports the usage to `watch` as X-Business-Use-Case-Usage does, and a call over the budget is
 * refused with 80006, as the rate-limiting page lists it.
 */
function budgetedMeta(clock: FakeClock, watch: UsageWatch, budget: number, windowMs: number) {
	const counted: number[] = [];
	const calls: Array<{ at: number; size: number }> = [];
	let refusals = 0;
	const inWindow = () => counted.filter((at) => at > clock.now() - windowMs).length;
	const send = async (batch: SendRequest[]): Promise<SendOutcome[]> => {
		calls.push({ at: clock.now(), size: batch.length });
		await clock.sleep(50);
		const outcomes = batch.map((): SendOutcome => {
			const spent = inWindow() >= budget;
			counted.push(clock.now());
			if (!spent) return { ok: true, messageId: `m${counted.length}` };
			refusals++;
			return { ok: false, error: BUDGET_SPENT, mayHaveBeenDelivered: false, ...classifyGraphError(BUDGET_SPENT, 'oneTimeToken') };
		});
		const used = inWindow();
		const regainAccessMinutes = used >= budget ? Math.ceil((counted[used - budget] + windowMs - clock.now()) / 60_000) : 0;
		watch.observe({ percent: Math.min(100, Math.floor((used / budget) * 100)), counter: 'call_count', header: 'X-Business-Use-Case-Usage', type: 'messenger', regainAccessMinutes });
		return outcomes;
	};
	return { send, calls, refusals: () => refusals };
}

describe("pacing by Meta's usage headers", () => {
	it('slows down as the usage rises past 75%, and sends a campaign that fits the budget without one refusal', async () => {
		const clock = new FakeClock();
		const watch = new UsageWatch(clock);
		// 1000 calls per rolling day; the campaign takes 900 of them.
		const meta = budgetedMeta(clock, watch, 1000, 24 * 60 * 60 * 1000);
		const { verdicts, stats } = await runBroadcast(requests(900), meta.send, { ratePerSecond: 20, concurrency: 2, batchSize: 1, maxAttempts: 3, clock, usage: watch });
		expect(meta.refusals()).toBe(0);
		expect(verdicts.every((verdict) => verdict.kind === 'sent')).toBe(true);
		expect(stats.usagePeak).toMatchObject({ percent: 90, counter: 'call_count', type: 'messenger' });
		// Near 90%, 40% of the rate is left (8 messages/s); the last send went out on an answer at 89%.
		expect(stats.slowestPerSecond).toBeGreaterThanOrEqual(8);
		expect(stats.slowestPerSecond).toBeLessThan(10);
		const gap = (from: number, to: number) => (meta.calls[to].at - meta.calls[from].at) / (to - from);
		expect(gap(100, 700)).toBeLessThan(60);
		expect(gap(880, 899)).toBeGreaterThan(100);
	});

	it("stops once Meta reports the budget spent: the rest is not attempted, each row saying when Meta gives access back", async () => {
		const clock = new FakeClock();
		const watch = new UsageWatch(clock);
		// 100 calls per rolling day: the 100th call reports 100%, with the time the first one leaves.
		const meta = budgetedMeta(clock, watch, 100, 24 * 60 * 60 * 1000);
		const { verdicts } = await runBroadcast(requests(300), meta.send, { ratePerSecond: 50, concurrency: 4, batchSize: 10, maxAttempts: 3, clock, usage: watch });
		const sent = verdicts.filter((verdict) => verdict.kind === 'sent');
		const notAttempted = verdicts.filter((verdict) => verdict.kind === 'notAttempted');
		expect(sent).toHaveLength(100);
		expect(meta.refusals()).toBe(0);
		expect(notAttempted).toHaveLength(200);
		for (const verdict of notAttempted) {
			expect(verdict).toMatchObject({ errorClass: 'stop', meaning: expect.stringMatching(/^Not sent: Meta reports the budget spent \(call_count at 100% in X-Business-Use-Case-Usage, messenger\)\. Meta expects access back in about 1440 min, around \d\d:\d\d UTC/) });
		}
		expect(meta.calls.reduce((sum, call) => sum + call.size, 0)).toBe(100);
	});

	it('stops at the first 80006 refusal instead of retrying it, and the refused row says when access returns', async () => {
		const clock = new FakeClock();
		const watch = new UsageWatch(clock);
		// Concurrent batches overshoot a tiny budget: some of their messages are refused.
		const meta = budgetedMeta(clock, watch, 15, 24 * 60 * 60 * 1000);
		const { verdicts, stats } = await runBroadcast(requests(100), meta.send, { ratePerSecond: 100, concurrency: 4, batchSize: 10, maxAttempts: 3, clock, usage: watch });
		expect(stats.throttledAnswers).toBe(0);
		const refused = verdicts.filter((verdict) => verdict.kind === 'failed');
		expect(refused.length).toBe(meta.refusals());
		expect(refused.length).toBeGreaterThan(0);
		for (const verdict of refused) expect(verdict).toMatchObject({ errorClass: 'stop', attempts: 1, meaning: expect.stringMatching(/Meta expects access back in about 1440 min/) });
		expect(verdicts.filter((verdict) => verdict.kind === 'sent')).toHaveLength(15);
		expect(verdicts.filter((verdict) => verdict.kind === 'notAttempted').every((verdict) => verdict.errorClass === 'stop')).toBe(true);
	});
});
