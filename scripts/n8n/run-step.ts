/**
 * Runs one long install command with a visible pulse: its full output goes to a log file, the
 * console gets the step's name, a line every few seconds (so a CI log shows it is alive), and the
 * elapsed time. On failure the end of the log is printed, because that is where npm says why.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';

export interface StepOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	logFile: string;
	/** Output lines to count for the pulse line, e.g. npm's `http fetch` lines: `{ pattern, label }`. */
	count?: { pattern: RegExp; label: string };
	/** More words for the pulse line, e.g. how much is on disk so far. */
	progress?: () => string;
	pulseSeconds?: number;
}

export function seconds(sinceMs: number): string {
	return `${Math.round((Date.now() - sinceMs) / 1000)} s`;
}

export async function runStep(title: string, command: string, args: string[], options: StepOptions): Promise<void> {
	const started = Date.now();
	console.log(`▸ ${title}`);
	appendFileSync(options.logFile, `\n$ ${command} ${args.join(' ')}   (in ${options.cwd})\n`);
	let counted = 0;
	const record = (chunk: Buffer) => {
		appendFileSync(options.logFile, chunk);
		if (options.count) counted += chunk.toString('utf8').match(new RegExp(options.count.pattern, 'g'))?.length ?? 0;
	};
	const pulse = setInterval(() => {
		const extras = [options.count ? `${counted} ${options.count.label}` : '', options.progress?.() ?? ''];
		console.log(`  … ${title}: ${[seconds(started), ...extras.filter(Boolean)].join(', ')}`);
	}, (options.pulseSeconds ?? 15) * 1000);

	const exitCode = await new Promise<number>((resolvePromise, reject) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
		child.stdout.on('data', record);
		child.stderr.on('data', record);
		child.on('error', reject);
		child.on('close', (code) => resolvePromise(code ?? 1));
	}).finally(() => clearInterval(pulse));

	if (exitCode !== 0) {
		const tail = readFileSync(options.logFile, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
		console.error(tail);
		throw new Error(`${title} failed (exit code ${exitCode}) after ${seconds(started)}; full log: ${options.logFile}`);
	}
	console.log(`✓ ${title} (${seconds(started)})`);
}

/** The last non-empty line a command wrote, e.g. npm's "added 2356 packages in 2m". */
export function lastLogLine(logFile: string): string {
	return readFileSync(logFile, 'utf8').trimEnd().split('\n').pop() ?? '';
}
