/**
 * Runs a synchronous cleanup (stopping a throwaway Redis or PostgreSQL) when this process ends
 * without having called it: on exit, and on Ctrl-C, SIGTERM or SIGHUP, after which the signal
 * takes its default course unless someone else handles it (as stopGroupWithParent does for n8n's
 * process groups). Returns a function that removes these hooks.
 */
export function runOnParentExit(cleanup: () => void): () => void {
	const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	const run = () => {
		forget();
		try {
			cleanup();
		} catch {
			// best effort: this process is going away
		}
	};
	const onSignal = (signal: NodeJS.Signals) => {
		run();
		if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
	};
	const forget = () => {
		process.off('exit', run);
		for (const signal of signals) process.off(signal, onSignal);
	};
	process.on('exit', run);
	for (const signal of signals) process.on(signal, onSignal);
	return forget;
}
