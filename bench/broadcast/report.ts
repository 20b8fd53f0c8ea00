/** The benchmark's printed figures: speed, what each workflow told its user, memory, the goals. */
import { cpus } from 'node:os';

import { N8N_VERSION, NODE_VERSION } from '../../scripts/n8n/runtime';
import {
	DIY_BATCH,
	HTTP_500_PERCENT_AFTER,
	HTTP_500_PERCENT_BEFORE,
	LATENCY,
	PAGE_LIMIT_PER_SECOND,
	type Sizes,
	TARGET_RATE_PER_SECOND,
	TEMPLATE_WAIT_SECONDS,
} from './conditions';
import type { ContestantKey } from './contestants';
import { goals, growthPerToken } from './goals';
import type { LiveHeap } from './liveHeap';
import type { Outcome } from './outcome';
import { fixed, loadAverage, mb, percent, textTable } from './textTable';

export interface ReportInput {
	sizes: Sizes;
	outcomes: Outcome[];
	liveHeaps: LiveHeap[];
	startedAt: Date;
	totalSeconds: number;
	/** The machine's load average (1, 5, 15 min) from the first contestant to the end. */
	loadBefore: number[];
	loadAfter: number[];
}

export function formatReport({ sizes, outcomes, liveHeaps, startedAt, totalSeconds, loadBefore, loadAfter }: ReportInput): string {
	const byKey = new Map(outcomes.map((outcome) => [outcome.contestant.key, outcome] as [ContestantKey, Outcome]));
	const node = byKey.get('node')!;
	const senders = outcomes.filter((outcome) => outcome.contestant.sends);
	const jitter = LATENCY.jitterMs / 2;
	const sections = [
		`OTN Broadcast against the do-it-yourself workflows, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${totalSeconds.toFixed(0)} s in all`,
		`n8n ${N8N_VERSION} on Node ${NODE_VERSION}, a fresh n8n process per contestant; ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}); load average (1, 5, 15 min) ${loadAverage(loadBefore)} at the first contestant, ${loadAverage(loadAfter)} at the end`,
		`Emulator: ${LATENCY.fixedMs + jitter} ms ± ${jitter} ms latency, ${PAGE_LIMIT_PER_SECOND} calls/s per Page, ${HTTP_500_PERCENT_BEFORE + HTTP_500_PERCENT_AFTER}% HTTP 500 on sends (half before, half after the message goes out); a Page of its own per contestant`,
		`Configured rate: ${TARGET_RATE_PER_SECOND} messages/s (OTN Broadcast "Send Rate"; tuned DIY ${DIY_BATCH.batchSize} items every ${DIY_BATCH.batchInterval} ms)`,
		`Tokens: ${sizes.full} one-time tokens each for OTN Broadcast and the tuned and naive DIY, ${sizes.small} for OTN Broadcast's memory comparison, a sample of ${sizes.templateSample} for the template DIY (one message per ${TEMPLATE_WAIT_SECONDS} s: all ${sizes.full} would take ${((sizes.full * TEMPLATE_WAIT_SECONDS) / 3600).toFixed(1)} h)`,
		'',
		'Speed (delivered = distinct tokens the emulator delivered to; sending = first to last run of the sending nodes;',
		' calls and peak calls/s = Send API calls as the emulator counted them, a batch item as one call)',
		textTable(
			['contestant', 'tokens', 'delivered', 'sending s', 'msg/s', 'x node', `of ${TARGET_RATE_PER_SECOND}/s`, 'calls', 'peak calls/s', 'rate-limited', 'retried'],
			senders.map((outcome) => [
				outcome.contestant.label,
				String(outcome.tokens),
				String(outcome.delivered),
				fixed(outcome.sendingMs / 1000),
				fixed(outcome.deliveredPerSecond),
				ratio(outcome.deliveredPerSecond, node.deliveredPerSecond),
				percent(outcome.deliveredPerSecond / TARGET_RATE_PER_SECOND),
				String(outcome.calls),
				String(outcome.peakAcceptedPerSecond),
				String(outcome.rateLimited),
				outcome.rateLimitRetried === undefined ? 'node re-run' : String(outcome.rateLimitRetried),
			]),
		),
		'',
		'What the output tells the user (per token; "lost" = neither delivered nor reported as not sent)',
		textTable(
			['contestant', 'duplicates', 'lost', 'reported sent', 'reported not sent', 'delivered, reported not sent', 'reported sent, not delivered', 'no outcome', 'execution'],
			senders.map((outcome) => [
				outcome.contestant.label,
				String(outcome.duplicates),
				String(outcome.lost),
				String(outcome.reportedSent),
				String(outcome.reportedNotSent),
				String(outcome.deliveredReportedNotSent),
				String(outcome.reportedSentNotDelivered),
				String(outcome.unreported),
				outcome.status,
			]),
		),
		'',
		'n8n memory (RSS of the n8n process group: idle = median before the rows arrive; peak = sampled every 250 ms, and the kernel high-water mark, VmHWM, reset at idle)',
		textTable(
			['contestant', 'tokens', 'idle MB', 'peak sampled MB', 'peak high-water MB', 'growth MB'],
			outcomes
				.filter((outcome) => outcome.run.peakBytes > 0)
				.map((outcome) => [
					outcome.contestant.label,
					String(outcome.tokens),
					mb(outcome.run.baselineBytes),
					mb(outcome.run.sampledPeakBytes),
					outcome.run.highWaterBytes === undefined ? '-' : mb(outcome.run.highWaterBytes),
					mb(outcome.run.peakBytes - outcome.run.baselineBytes),
				]),
		),
		`Growth per extra token from ${sizes.small} to ${sizes.full}: OTN Broadcast ${kb(growthPerToken(byKey.get('nodeSmall')!, node))}, items only ${kb(growthPerToken(byKey.get('copyControlSmall')!, byKey.get('copyControl')!))}; a row is ${kb(node.rowBytes)} as JSON`,
		'',
		'What OTN Broadcast holds (alone in n8n-core\'s engine in a process of its own, same emulator and conditions, live heap after a full GC every 500 ms)',
		textTable(
			['tokens', 'rows KB/token', 'peak live KB/token', 'after, with outputs KB/token'],
			liveHeaps.map((heap) => [String(heap.tokens), kbNumber(heap.rowBytesPerToken), kbNumber(heap.peakBytesPerToken), kbNumber(heap.outputBytesPerToken)]),
		),
		'',
		'Goals for OTN Broadcast',
		...goals(byKey, liveHeaps).map((goal) => `  [${goal.met ? 'met' : 'NOT MET'}] ${goal.text}`),
		'',
		'Contestants',
		...outcomes.map((outcome) => `  ${outcome.contestant.label}: ${outcome.contestant.setup}`),
		'',
		'What n8n said',
		...senders.flatMap((outcome) => [
			...outcome.hints.map((hint) => `  ${outcome.contestant.label}: hint "${hint}"`),
			...(outcome.error ? [`  ${outcome.contestant.label}: execution stopped: ${outcome.error.slice(0, 200)}`] : []),
		]),
		...liveHeaps.map((heap) => `  OTN Broadcast (${heap.tokens}) alone in n8n-core's engine, with its forced collections: hint "${heap.hint ?? ''}"`),
	];
	return sections.join('\n');
}

function ratio(value: number, reference: number): string {
	if (reference <= 0) return '-';
	const r = value / reference;
	if (r === 0) return '0';
	return r >= 0.1 ? r.toFixed(2) : `1/${(1 / r).toFixed(0)}`;
}

function kb(bytes: number): string {
	return `${kbNumber(bytes)} KB`;
}

function kbNumber(bytes: number): string {
	return (bytes / 1024).toFixed(2);
}
