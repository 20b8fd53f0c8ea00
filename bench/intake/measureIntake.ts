/**
 * One intake run: fresh opt-ins posted to the capture inbox many at a time, the answers' latency,
 * and how long until every distinct opt-in was a row in PostgreSQL (or the rows stopped growing).
 */
import { setTimeout as delay } from 'node:timers/promises';

import type { EmulatorClient } from '../../emulator/client';
import { DEFAULT_PAGE_ID } from '../../emulator/config';
import { issueOptIns, percentile, postOptIns, withDuplicates } from '../../scripts/queue/optInLoad';
import type { QueueContent } from '../../scripts/queue/queueWorkflows';
import { INTAKE } from './conditions';

export interface IntakeFigures {
	mode: string;
	optIns: number;
	posted: number;
	accepted: number;
	acceptedPerSecond: number;
	p50Ms: number;
	p95Ms: number;
	p99Ms: number;
	maxMs: number;
	/** From the first post until the last distinct opt-in was stored. */
	allStoredSeconds: number;
	stored: number;
	/** Distinct opt-ins with no row when the rows stopped growing. */
	lost: number;
	/** The same posts to n8n's Webhook → No Operation: n8n's own cost per execution. */
	floor: { acceptedPerSecond: number; p50Ms: number; p95Ms: number };
}

/** The rows stop growing for this long: whatever is missing then is lost. */
const SETTLE_MS = 30_000;

export async function measureIntake(
	mode: string,
	control: EmulatorClient,
	content: QueueContent,
	floorUrl: string,
	query: (sql: string) => string,
	optIns: number,
	progress: (message: string) => void,
): Promise<IntakeFigures> {
	const issued = await issueOptIns(control, DEFAULT_PAGE_ID, optIns, INTAKE.topic);
	const deliveries = withDuplicates(issued, INTAKE.duplicateShare);
	progress(`${mode}: posting ${deliveries.length} opt-ins, ${INTAKE.concurrency} at a time`);
	const started = performance.now();
	const report = await postOptIns(content.capture.url, content.appSecret, deliveries, { concurrency: INTAKE.concurrency });

	const countRows = () => Number(query(`SELECT count(*) FROM otn_tokens WHERE topic = '${INTAKE.topic}'`));
	let stored = countRows();
	let lastGrowth = performance.now();
	while (stored < optIns && performance.now() - lastGrowth < SETTLE_MS) {
		await delay(100);
		const now = countRows();
		if (now > stored) lastGrowth = performance.now();
		stored = now;
	}
	const allStoredSeconds = (lastGrowth - started) / 1000;
	progress(`${mode}: ${stored} of ${optIns} stored after ${allStoredSeconds.toFixed(1)} s`);
	const floor = await postOptIns(floorUrl, content.appSecret, deliveries, { concurrency: INTAKE.concurrency });
	const { latenciesMs } = report;
	return {
		mode,
		optIns,
		posted: report.posted,
		accepted: report.statuses[200] ?? 0,
		acceptedPerSecond: report.posted / (report.durationMs / 1000),
		p50Ms: percentile(latenciesMs, 0.5),
		p95Ms: percentile(latenciesMs, 0.95),
		p99Ms: percentile(latenciesMs, 0.99),
		maxMs: latenciesMs[latenciesMs.length - 1] ?? 0,
		allStoredSeconds,
		stored,
		lost: optIns - stored,
		floor: {
			acceptedPerSecond: floor.posted / (floor.durationMs / 1000),
			p50Ms: percentile(floor.latenciesMs, 0.5),
			p95Ms: percentile(floor.latenciesMs, 0.95),
		},
	};
}
