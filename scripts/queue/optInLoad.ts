/**
 * A crowd tapping "Notify Me" at once: subscribers and their one-time tokens issued by the
 * emulator, and the signed opt-in webhooks Meta would send for them, posted to an n8n webhook URL
 * many at a time, some of them twice (Meta retries), with each answer's latency recorded.
 *
 *   const optIns = await issueOptIns(control, pageId, 2000, 'deals');
 *   const report = await postOptIns(url, appSecret, withDuplicates(optIns, 0.1), { concurrency: 50 });
 */
import type { EmulatorClient } from '../../emulator/client';
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { postAsMeta } from '../../emulator/webhooks/postAsMeta';

export interface IssuedOptIn {
	psid: string;
	tokenId: string;
	/** The webhook body exactly as signed and sent. */
	body: string;
}

export interface PostReport {
	posted: number;
	/** Answers by HTTP status (0: no answer, e.g. connection refused). */
	statuses: Record<number, number>;
	durationMs: number;
	/** Latency of every post, sorted, in milliseconds. */
	latenciesMs: number[];
}

/** Control calls in flight while issuing: quick, and polite to the emulator. */
const ISSUE_CONCURRENCY = 16;

/** One new subscriber per opt-in, each with a one-time token of `topic` that the emulator will accept. */
export async function issueOptIns(control: EmulatorClient, pageId: string, count: number, topic: string): Promise<IssuedOptIn[]> {
	const optIns: IssuedOptIn[] = new Array(count);
	let next = 0;
	const issueNext = async () => {
		while (next < count) {
			const index = next++;
			const { psid } = await control.createSubscriber(pageId);
			const issued = await control.issueToken(pageId, { psid, type: 'one_time', payload: topic, title: `News on ${topic}` });
			optIns[index] = { psid, tokenId: tokenIdOf(issued.token), body: optInBody(pageId, psid, topic, issued.token, issued.createdAt) };
		}
	};
	await Promise.all(Array.from({ length: Math.min(ISSUE_CONCURRENCY, count) }, issueNext));
	return optIns;
}

/** A Notify Me tap as Meta delivers it (docs/meta-platform.md §1.4). */
export function optInBody(pageId: string, psid: string, topic: string, token: string, time: number): string {
	const event = {
		sender: { id: psid },
		recipient: { id: pageId },
		timestamp: time,
		optin: { type: 'one_time_notif_req', payload: topic, one_time_notif_token: token },
	};
	return JSON.stringify({ object: 'page', entry: [{ id: pageId, time, messaging: [event] }] });
}

/**
 * Every opt-in once, plus `share` of them a second time, shuffled with a fixed seed so a copy
 * may arrive before, beside or long after its original.
 */
export function withDuplicates(optIns: IssuedOptIn[], share: number, seed = 7): IssuedOptIn[] {
	const copies = optIns.filter((_, index) => index % Math.round(1 / share) === 0);
	const all = [...optIns, ...copies];
	let state = seed;
	const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
	for (let index = all.length - 1; index > 0; index--) {
		const other = Math.floor(random() * (index + 1));
		[all[index], all[other]] = [all[other], all[index]];
	}
	return all;
}

/** Posts every body, `concurrency` at a time, signed with the App secret as Meta signs them. */
export async function postOptIns(url: string, appSecret: string, optIns: IssuedOptIn[], options: { concurrency: number }): Promise<PostReport> {
	const statuses: Record<number, number> = {};
	const latenciesMs: number[] = [];
	let next = 0;
	const started = performance.now();
	const postNext = async () => {
		while (next < optIns.length) {
			const { body } = optIns[next++];
			const sent = performance.now();
			const status = await post(url, body, appSecret);
			latenciesMs.push(performance.now() - sent);
			statuses[status] = (statuses[status] ?? 0) + 1;
		}
	};
	await Promise.all(Array.from({ length: Math.min(options.concurrency, optIns.length) }, postNext));
	return { posted: optIns.length, statuses, durationMs: performance.now() - started, latenciesMs: latenciesMs.sort((a, b) => a - b) };
}

async function post(url: string, body: string, appSecret: string): Promise<number> {
	try {
		return await postAsMeta(url, body, appSecret);
	} catch {
		return 0;
	}
}

/** The latency below which `fraction` of the posts were answered. */
export function percentile(sortedMs: number[], fraction: number): number {
	if (sortedMs.length === 0) return 0;
	return sortedMs[Math.min(sortedMs.length - 1, Math.floor(fraction * sortedMs.length))];
}
