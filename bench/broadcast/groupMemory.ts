/**
 * Resident memory of a whole process group (n8n and the task runner it starts), read from /proc:
 * the figure an operator sees, whatever runs inside. Linux only.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

/** Pids of the live processes whose process group is `groupId`, with their RSS in bytes. */
function members(groupId: number): Array<{ pid: string; rssBytes: number }> {
	const found: Array<{ pid: string; rssBytes: number }> = [];
	for (const pid of readdirSync('/proc')) {
		if (!/^\d+$/.test(pid)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		} catch {
			continue; // ended between the listing and the read
		}
		// After "pid (comm)": state ppid pgrp ... ; rss is the 24th field of the line.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(fields[2]) === groupId) found.push({ pid, rssBytes: Number(fields[21]) * PAGE_BYTES });
	}
	return found;
}

export function groupRssBytes(groupId: number): number {
	return members(groupId).reduce((sum, member) => sum + member.rssBytes, 0);
}

/**
 * Restarts the kernel's peak-RSS count (VmHWM) of every member at its current RSS, so that a
 * later groupHighWaterBytes() sees the peak of what follows, however short. False if refused.
 */
export function resetHighWater(groupId: number): boolean {
	try {
		for (const { pid } of members(groupId)) writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

/** Sum of the members' peak RSS since resetHighWater(): at least the group's peak, at most a little more. */
export function groupHighWaterBytes(groupId: number): number {
	let total = 0;
	for (const { pid } of members(groupId)) {
		try {
			const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			total += hwm ? Number(hwm[1]) * 1024 : 0;
		} catch {
			// ended meanwhile
		}
	}
	return total;
}

/** Samples a group's RSS on a timer and keeps the peak. */
export class GroupMemorySampler {
	private peak = 0;
	private timer: NodeJS.Timeout | undefined;

	constructor(
		private readonly groupId: number,
		private readonly intervalMs = 250,
	) {}

	start(): void {
		this.peak = groupRssBytes(this.groupId);
		this.timer = setInterval(() => {
			this.peak = Math.max(this.peak, groupRssBytes(this.groupId));
		}, this.intervalMs);
	}

	/** Stops sampling; the peak seen since start(), in bytes. */
	stop(): number {
		clearInterval(this.timer);
		this.timer = undefined;
		return Math.max(this.peak, groupRssBytes(this.groupId));
	}
}

/** The group's settled RSS: the median of a few samples taken while it is idle. */
export async function idleRssBytes(groupId: number, samples = 8, intervalMs = 250): Promise<number> {
	const values: number[] = [];
	for (let i = 0; i < samples; i++) {
		values.push(groupRssBytes(groupId));
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
	values.sort((a, b) => a - b);
	return values[Math.floor(values.length / 2)];
}
