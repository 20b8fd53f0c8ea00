import type { NodeExecutionHint } from 'n8n-workflow';

import type { BroadcastStats } from '../shared/broadcast/broadcastRunner';
import { SLOW_FROM_PERCENT } from '../shared/broadcast/usageWatch';
import type { MetaUsage } from '../shared/graph/usageHeaders';

export interface BroadcastCounts {
	campaign: string;
	dryRun: boolean;
	sent: number;
	unconfirmed: number;
	/** Not sent, by reason: an error class, or why the row cost no call. */
	notSent: Record<string, number>;
	stats?: BroadcastStats;
	/** This execution's send rate and how many shards share the Page's rate; named when more than 1. */
	rateShare?: { ratePerSecond: number; shardsSharingRate: number };
	/** Why the check of the credential stopped the run before its first send. */
	stoppedBeforeSending?: string;
}

/** Said whenever a stop left rows unsent, so nobody fears a lost audience or sends twice. */
const NOTHING_SPENT =
	'Rows left unsent by the stop are as they were: none of their tokens was spent. Fix the cause and run again; nothing is sent twice.';

function stoppedMidRun(notSent: Record<string, number>): boolean {
	return (notSent.stop ?? 0) + (notSent['not attempted (stop)'] ?? 0) > 0;
}

function reasons(notSent: Record<string, number>): string {
	const entries = Object.entries(notSent).filter(([, count]) => count > 0);
	return entries.length === 0 ? 'none' : entries.map(([reason, count]) => `${count} ${reason}`).join(', ');
}

/** Up to one decimal, without a trailing ".0". */
function perSecond(rate: number): string {
	return String(Number(rate.toFixed(1)));
}

function shareOfRate(share: BroadcastCounts['rateShare']): string {
	if (!share || share.shardsSharingRate <= 1) return '';
	return ` (this shard's share: ${perSecond(share.ratePerSecond)} of ${perSecond(share.ratePerSecond * share.shardsSharingRate)} messages/s)`;
}

/** Whose budget Meta's header counts: the Page's for Messenger and Pages calls, the app's for X-App-Usage, the ad account's for X-Ad-Account-Usage. */
function usageHolder(usage: MetaUsage): string {
	if (usage.header === 'X-Ad-Account-Usage') return ' for the ad account';
	if (usage.header === 'X-Page-Usage' || usage.type === 'messenger' || usage.type === 'pages') return ' for the Page';
	return usage.header === 'X-App-Usage' ? ' for the app' : '';
}

/** Meta's usage headers at their fullest, and how much they slowed the run. */
function usageNote(stats: BroadcastStats | undefined): string {
	const peak = stats?.usagePeak;
	if (!peak) return '';
	const slowed = peak.percent >= SLOW_FROM_PERCENT && stats?.slowestPerSecond !== undefined ? `; the pace slowed to ${perSecond(stats.slowestPerSecond)} messages/s to spread the calls` : '';
	return ` Meta's usage${usageHolder(peak)} peaked at ${Math.round(peak.percent)}% (${peak.counter})${slowed}.`;
}

/** One line a marketer reads after the run: what went out, what did not and why, how fast. No token. */
export function broadcastHint(counts: BroadcastCounts): NodeExecutionHint {
	const notSentTotal = Object.values(counts.notSent).reduce((sum, count) => sum + count, 0);
	if (counts.stoppedBeforeSending) {
		return {
			message: `Campaign "${counts.campaign}"${counts.dryRun ? ' (dry run)' : ''}: nothing was sent and no row was changed. ${counts.stoppedBeforeSending}. Fix it and run again; nothing is sent twice.`,
			type: 'warning',
			location: 'outputPane',
		};
	}
	if (counts.dryRun) {
		return {
			message: `Dry run of campaign "${counts.campaign}": ${counts.sent} rows would be sent; ${notSentTotal} would not (${reasons(counts.notSent)}). Nothing was sent.`,
			type: 'info',
			location: 'outputPane',
		};
	}
	const seconds = (counts.stats?.durationMs ?? 0) / 1000;
	const rate = seconds > 0 ? (counts.sent / seconds).toFixed(1) : '0';
	const unconfirmed = counts.unconfirmed > 0 ? ` (${counts.unconfirmed} unconfirmed: retried after no answer and refused as already sent)` : '';
	return {
		message: `Campaign "${counts.campaign}": sent ${counts.sent}${unconfirmed}; not sent ${notSentTotal} (${reasons(counts.notSent)}). ${seconds.toFixed(1)} s, ${rate} messages/s${shareOfRate(counts.rateShare)}, ${counts.stats?.calls ?? 0} calls, ${counts.stats?.throttledAnswers ?? 0} rate-limit answers, ${counts.stats?.retries ?? 0} retries.${usageNote(counts.stats)}${stoppedMidRun(counts.notSent) ? ` ${NOTHING_SPENT}` : ''}`,
		type: notSentTotal > 0 ? 'warning' : 'info',
		location: 'outputPane',
	};
}
