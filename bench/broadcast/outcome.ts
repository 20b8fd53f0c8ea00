/**
 * What became of one contestant's tokens, by the emulator's ground truth (deliveries, call
 * stats) set against what its workflow's output told the user.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CallStatsSnapshot, DeliveryRecord } from '../../emulator/client';
import type { Contestant } from './contestants';
import { executionError, hintsOf, reportedByToken, sendingMs } from './executionItems';
import type { ContestantRun } from './runContestant';

export type PageCallStats = CallStatsSnapshot['pages'][number];

export interface Outcome {
	contestant: Contestant;
	tokens: number;
	/** Average size of one row as JSON, for scale. */
	rowBytes: number;
	/** Distinct tokens the emulator delivered a message to. */
	delivered: number;
	/** Tokens delivered more than once. */
	duplicates: number;
	/** Neither delivered nor reported as not sent: the user cannot know they were missed. */
	lost: number;
	reportedSent: number;
	reportedNotSent: number;
	/** Delivered, yet the output says not sent (a user would send again). */
	deliveredReportedNotSent: number;
	/** The output says sent, the emulator delivered nothing. */
	reportedSentNotDelivered: number;
	/** Rows the output says nothing about, delivered or not. */
	unreported: number;
	sendingMs: number;
	deliveredPerSecond: number;
	calls: number;
	rateLimited: number;
	/** Rate-limit answers sent again: the node's own count; undefined when it cannot be known. */
	rateLimitRetried: number | undefined;
	faultsInjected: number;
	peakAcceptedPerSecond: number;
	status: string;
	error: string | undefined;
	hints: string[];
	run: ContestantRun;
}

export function outcomeOf(
	contestant: Contestant,
	rows: IDataObject[],
	run: ContestantRun,
	deliveries: DeliveryRecord[],
	stats: PageCallStats | undefined,
): Outcome {
	const tokens = rows.map((row) => String(row.token));
	const tokenOfId = new Map(rows.map((row) => [String(row.tokenId), String(row.token)]));
	const received = new Map<string, number>();
	for (const delivery of deliveries) if (delivery.token) received.set(delivery.token, (received.get(delivery.token) ?? 0) + 1);
	const reported = reportedByToken(run.execution, contestant.reportingNode, tokenOfId);

	const count = (test: (token: string) => boolean) => tokens.filter(test).length;
	const isDelivered = (token: string) => (received.get(token) ?? 0) > 0;
	const delivered = count(isDelivered);
	const ms = sendingMs(run.execution, contestant.senderNodes);
	const hints = hintsOf(run.execution, contestant.reportingNode);
	return {
		contestant,
		tokens: tokens.length,
		rowBytes: rows.length > 0 ? Buffer.byteLength(JSON.stringify(rows)) / rows.length : 0,
		delivered,
		duplicates: count((token) => (received.get(token) ?? 0) > 1),
		lost: count((token) => !isDelivered(token) && reported.get(token) !== 'notSent'),
		reportedSent: count((token) => reported.get(token) === 'sent'),
		reportedNotSent: count((token) => reported.get(token) === 'notSent'),
		deliveredReportedNotSent: count((token) => isDelivered(token) && reported.get(token) === 'notSent'),
		reportedSentNotDelivered: count((token) => !isDelivered(token) && reported.get(token) === 'sent'),
		unreported: count((token) => !reported.has(token)),
		sendingMs: ms,
		deliveredPerSecond: ms > 0 ? delivered / (ms / 1000) : 0,
		calls: stats?.calls ?? 0,
		rateLimited: stats?.rateLimited ?? 0,
		rateLimitRetried: rateLimitRetried(contestant, stats, hints),
		faultsInjected: stats?.faultsInjected ?? 0,
		peakAcceptedPerSecond: stats?.peakPerSecond ?? 0,
		status: run.execution?.status ?? run.problem ?? 'unknown',
		error: executionError(run.execution),
		hints,
		run,
	};
}

/**
 * The node counts the rate-limit answers it put back in its queue (its hint). The HTTP Request
 * node never sends a refused item again by itself; n8n's Retry On Fail re-runs the whole node,
 * which sends every item again, refused or not, so its retries are not per refusal.
 */
function rateLimitRetried(contestant: Contestant, stats: PageCallStats | undefined, hints: string[]): number | undefined {
	if (!contestant.sends || !stats || stats.rateLimited === 0) return 0;
	const fromHint = hints.map((hint) => /(\d+) rate-limit answers/.exec(hint)?.[1]).find(Boolean);
	if (fromHint !== undefined) return Number(fromHint);
	return contestant.key === 'tuned' || contestant.key === 'tunedErrorOutput' ? undefined : 0;
}
