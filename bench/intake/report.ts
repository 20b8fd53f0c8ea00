/** The queue-mode benchmark's figures as plain text, side by side, with what 2 cores can and cannot show. */
import { fixed, loadAverage, percent, textTable } from '../broadcast/textTable';
import type { BroadcastFigures } from './broadcastOnWorkers';
import { INTAKE, PAGE_LIMIT_PER_SECOND } from './conditions';
import type { IntakeFigures } from './measureIntake';

export interface IntakeReport {
	date: Date;
	seconds: number;
	cpus: number;
	cpuModel: string;
	pageId: string;
	rate: number;
	intake: IntakeFigures[];
	broadcasts: BroadcastFigures[];
	/** The machine's load average (1, 5, 15 min) when the run began and ended. */
	loadBefore: number[];
	loadAfter: number[];
}

/** `--broadcast-only`: the broadcast figures alone, with the machine's load average while they were measured. */
export function formatBroadcastOnly(broadcasts: BroadcastFigures[], rate: number, loadBefore: number[], loadAfter: number[]): string {
	return [
		`Broadcast: examples/broadcast-in-shards.json, Send Rate ${rate}/s for the whole Page, emulator Page limit ${PAGE_LIMIT_PER_SECOND}/s, no added latency; msg/s = delivered ÷ (first to last delivery + 1 s)`,
		broadcastFiguresTable(broadcasts, rate),
		...shardLines(broadcasts),
		loadLine(loadBefore, loadAfter),
	].join('\n');
}

export function formatIntakeReport(report: IntakeReport): string {
	const optIns = report.intake[0]?.optIns ?? 0;
	const intakeTable = textTable(
		['mode', 'posted', 'answered 200', 'accepted/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'all stored after s', 'stored', 'lost', 'floor/s', 'floor p50 ms'],
		report.intake.map((run) => [
			run.mode,
			String(run.posted),
			String(run.accepted),
			fixed(run.acceptedPerSecond),
			fixed(run.p50Ms, 0),
			fixed(run.p95Ms, 0),
			fixed(run.p99Ms, 0),
			fixed(run.maxMs, 0),
			fixed(run.allStoredSeconds),
			String(run.stored),
			String(run.lost),
			fixed(run.floor.acceptedPerSecond),
			fixed(run.floor.p50Ms, 0),
		]),
	);
	const broadcastTable = broadcastFiguresTable(report.broadcasts, report.rate);
	return [
		`Queue-mode benchmark (opt-in intake, and a broadcast in shards on workers), ${report.date.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${report.seconds.toFixed(0)} s in all`,
		`n8n 2.40.7 on Node ${process.versions.node}; ${report.cpus} CPUs (${report.cpuModel}); every process, PostgreSQL, Redis, the emulator and the load generator share them`,
		loadLine(report.loadBefore, report.loadAfter),
		'',
		`Opt-in intake: ${optIns} distinct Notify Me opt-ins plus ${Math.round(optIns * INTAKE.duplicateShare)} repeats (Meta's retries), signed, ${INTAKE.concurrency} posts in flight,`,
		'captured by examples/capture-opt-ins-postgres.json into PostgreSQL (tokenId is the primary key). "accepted/s" = posts answered per second;',
		'latency = time to the HTTP answer (n8n answers when the execution is queued or started, before the row is written); "lost" = distinct opt-ins with no row;',
		'"floor" = the same posts to n8n\'s own Webhook → No Operation workflow: what n8n costs per execution before any node of this pack or any store runs.',
		intakeTable,
		'',
		`Broadcast: examples/broadcast-in-shards.json, Send Rate ${report.rate}/s for the whole Page (each of n shards sends at ${report.rate}/n), emulator Page limit ${PAGE_LIMIT_PER_SECOND}/s, no added latency;`,
		'sending s = first to last delivery on the emulator; msg/s = delivered ÷ (sending s + 1), since a paced sender\'s last second counts whole;',
		'peak calls/s = most Send API calls the emulator accepted in any one second (a batch item counts as one).',
		broadcastTable,
		...shardLines(report.broadcasts),
		'',
		'What 2 cores can and cannot show:',
		'- Intake: every execution costs n8n CPU of its own (the floor columns: a bare Webhook → No Operation). In queue mode the webhook',
		'  process only verifies the signature and queues the execution, so it answers a bare webhook faster than one n8n does; but the',
		'  workers run the same executions on the same 2 cores (with PostgreSQL, Redis, the emulator and the load generator), so opt-ins',
		'  are taken in no faster than by one n8n. What the figures show is that nothing is lost or stored twice while executions run in',
		'  parallel in separate processes. On separate machines webhook processes and workers add capacity; 2 cores cannot measure that.',
		"- Broadcast: the Page's rate, not the CPU, bounds a broadcast (one worker already sends close to the configured rate). Two shards",
		'  on two workers send at the same total rate; what they buy is that a worker lost in the middle stops only its shard (the re-run',
		'  finishes it without sending anything twice), and that the sending load is spread.',
	].join('\n');
}

function broadcastFiguresTable(broadcasts: BroadcastFigures[], rate: number): string {
	return textTable(
		['run', 'shards', 'ran on', 'tokens', 'delivered', 'sending s', 'msg/s', `of ${rate}/s`, 'steady msg/s', 'steady share', 'peak calls/s', 'rate-limited'],
		broadcasts.map((run) => [
			run.label,
			String(run.shards),
			run.ranOn.join(', '),
			String(run.tokens),
			String(run.delivered),
			fixed(run.sendingSeconds),
			fixed(run.messagesPerSecond),
			percent(run.messagesPerSecond / rate),
			fixed(run.steadyPerSecond),
			percent(run.steadyPerSecond / rate),
			String(run.peakPerSecond),
			String(run.rateLimited),
		]),
	);
}

function shardLines(broadcasts: BroadcastFigures[]): string[] {
	return broadcasts.map(
		(run) =>
			`${run.label}: ${run.shardSpans.map((span, index) => `shard ${index + 1} ${span.delivered} delivered from ${fixed(span.fromSeconds)} s to ${fixed(span.toSeconds)} s`).join('; ')}`,
	);
}

function loadLine(before: number[], after: number[]): string {
	return `Machine load average (1, 5, 15 min): before ${loadAverage(before)}, after ${loadAverage(after)}`;
}
