/**
 * Reading a finished execution as a user would: which rows a node's output reports as sent or as
 * not sent, found through the items' pairedItem when the output is a Graph answer, and the row
 * named by the error when the execution stopped.
 */
import type { Execution } from '../../scripts/n8n/n8n-workflows';

type Json = Record<string, unknown>;
interface Item {
	json: Json;
	pairedItem?: { item: number; input?: number } | Array<{ item: number; input?: number }>;
}
interface Run {
	startTime?: number;
	executionTime?: number;
	source?: Array<{ previousNode: string; previousNodeOutput?: number; previousNodeRun?: number } | null>;
	data?: { main: Array<Item[] | null> };
	error?: { message?: string; context?: { itemIndex?: number } };
	hints?: Array<{ message: string }>;
}

export function runsOf(execution: Execution | undefined, node: string): Run[] {
	return ((execution?.data?.resultData.runData[node] ?? []) as unknown[]) as Run[];
}

/** The input item a run's item came from (its first paired item). */
function sourceItem(execution: Execution, run: Run, item: Item | { pairedItem: { item: number; input?: number } }): Json | undefined {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	if (!paired) return undefined;
	const source = run.source?.[paired.input ?? 0];
	if (!source) return undefined;
	const from = runsOf(execution, source.previousNode)[source.previousNodeRun ?? 0];
	return from?.data?.main[source.previousNodeOutput ?? 0]?.[paired.item]?.json;
}

export type Reported = 'sent' | 'notSent';

/**
 * What a node's items say about each token: output 0 items without an error are "sent", items
 * with an error or on output 1 (the error output, or OTN Broadcast's "Not Sent") are "not sent".
 * `tokenOfId` maps OTN Broadcast's tokenId back to the token.
 */
export function reportedByToken(execution: Execution | undefined, node: string, tokenOfId: Map<string, string>): Map<string, Reported> {
	const reported = new Map<string, Reported>();
	if (!execution) return reported;
	for (const run of runsOf(execution, node)) {
		run.data?.main.forEach((items, output) => {
			for (const item of items ?? []) {
				const token = tokenOfItem(execution, run, item, tokenOfId);
				// HTTP Request error items carry the error object; OTN Broadcast's rows carry a text
				// (on "Sent" too, for a send Meta could not confirm) or null.
				const failed = output > 0 || (typeof item.json.error === 'object' && item.json.error !== null);
				if (token) reported.set(token, failed ? 'notSent' : 'sent');
			}
		});
		if (run.error) {
			// The execution stopped here: n8n names one item, the rest of the run says nothing.
			const itemIndex = run.error.context?.itemIndex ?? 0;
			const token = sourceItem(execution, run, { pairedItem: { item: itemIndex } })?.token;
			if (typeof token === 'string') reported.set(token, 'notSent');
		}
	}
	return reported;
}

function tokenOfItem(execution: Execution, run: Run, item: Item, tokenOfId: Map<string, string>): string | undefined {
	const byId = typeof item.json.tokenId === 'string' ? tokenOfId.get(item.json.tokenId) : undefined;
	if (byId) return byId;
	if (typeof item.json.token === 'string') return item.json.token;
	const token = sourceItem(execution, run, item)?.token;
	return typeof token === 'string' ? token : undefined;
}

/** From the first run's start to the last run's end, across the given nodes. */
export function sendingMs(execution: Execution | undefined, nodes: string[]): number {
	const runs = nodes.flatMap((node) => runsOf(execution, node)).filter((run) => run.startTime !== undefined);
	if (runs.length === 0) return 0;
	const start = Math.min(...runs.map((run) => run.startTime!));
	const end = Math.max(...runs.map((run) => run.startTime! + (run.executionTime ?? 0)));
	return end - start;
}

export function hintsOf(execution: Execution | undefined, node: string): string[] {
	return runsOf(execution, node).flatMap((run) => (run.hints ?? []).map((hint) => hint.message));
}

/** The message of the error that ended the execution, if one did. */
export function executionError(execution: Execution | undefined): string | undefined {
	const error = execution?.data?.resultData.error;
	return error?.message;
}
