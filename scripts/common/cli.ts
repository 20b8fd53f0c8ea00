/** What the long-running commands (`npm start`, `npm run queue`, the benchmarks) share on the command line. */

/**
 * `--name=<n>` from the command line, or `fallback` when absent. Anything but a whole number of at
 * least `min` stops with `<name> must be a whole number <rule>`.
 */
export function wholeNumberFlag(argv: string[], name: string, options: { fallback: number; min: number; rule: string }): number {
	const prefix = `${name}=`;
	const flag = argv.find((arg) => arg.startsWith(prefix));
	const count = flag ? Number(flag.slice(prefix.length)) : options.fallback;
	if (!Number.isInteger(count) || count < options.min) throw new Error(`${name} must be a whole number ${options.rule}`);
	return count;
}

/**
 * On the first Ctrl-C (or SIGTERM) says what it stops, runs `stopAll` once and exits: 0 when all
 * stopped, 1 with the error otherwise. A second Ctrl-C while stopping changes nothing.
 */
export function stopOnCtrlC(what: string, stopAll: () => Promise<unknown>): void {
	let stopping = false;
	const stop = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping ${what}…`);
		stopAll().then(
			() => {
				console.log('Stopped.');
				process.exit(0);
			},
			(error: Error) => {
				console.error(error.message);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}
