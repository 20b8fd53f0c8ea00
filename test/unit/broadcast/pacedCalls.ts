import type { SendRequest } from '../../../nodes/shared/graph/sendRequest';
import type { FakeClock } from './fakeClock';

export interface TimedCall {
	at: number;
	size: number;
}

export const requests = (n: number, prefix = 't'): SendRequest[] =>
	Array.from({ length: n }, (_, i) => ({ recipient: { one_time_notif_token: `${prefix}${i}` }, message: { text: `m${i}` } }));

/** The most messages in any one-second window starting at a call. */
export function busiestSecond(calls: TimedCall[]): number {
	return Math.max(...calls.map((call) => calls.filter((other) => other.at >= call.at && other.at < call.at + 1000).reduce((sum, other) => sum + other.size, 0)));
}

/** Messages per second from the first call to the last one (whose messages are not yet counted). */
export function perSecondOf(calls: TimedCall[]): number {
	const messages = calls.slice(0, -1).reduce((sum, call) => sum + call.size, 0);
	return (messages / (calls[calls.length - 1].at - calls[0].at)) * 1000;
}

/**
 * A fake Meta whose round trips vary from 70 to 130 ms (seeded). Records when each call left, and
 * when Meta counted it at the two extremes the pacer must allow for: on arrival after the quickest
 * outward trip (35 ms), and just before its answer.
 */
export function jitteryMeta(clock: FakeClock, seed = 7) {
	const calls: TimedCall[] = [];
	const countedOnArrival: TimedCall[] = [];
	const countedAtAnswer: TimedCall[] = [];
	const send = async (batch: SendRequest[]) => {
		const at = clock.now();
		calls.push({ at, size: batch.length });
		countedOnArrival.push({ at: at + 35, size: batch.length });
		seed = (seed * 16807) % 2147483647;
		const roundTrip = 70 + (seed % 61);
		await clock.sleep(roundTrip);
		countedAtAnswer.push({ at: clock.now(), size: batch.length });
		return batch.map((_, i) => ({ ok: true as const, messageId: `m${calls.length}_${i}` }));
	};
	return { send, calls, countedOnArrival, countedAtAnswer };
}
