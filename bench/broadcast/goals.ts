/** Issue 6's goals for this node, checked against the figures of one run. */
import { TARGET_RATE_PER_SECOND } from './conditions';
import type { ContestantKey } from './contestants';
import type { LiveHeap } from './liveHeap';
import type { Outcome } from './outcome';

export interface Goal {
	met: boolean;
	text: string;
}

/** Bytes of n8n memory each extra token costs between the small and the full run. */
export function growthPerToken(small: Outcome, full: Outcome): number {
	const growth = (outcome: Outcome) => outcome.run.peakBytes - outcome.run.baselineBytes;
	return (growth(full) - growth(small)) / (full.tokens - small.tokens);
}

/**
 * n8n's RSS may grow with the tokens at most this many times what carrying and copying the same
 * rows through n8n costs: the node's outputs are one updated copy of every row.
 */
export const MEMORY_ALLOWANCE = 2;
/** Live heap per token may differ this much between the small and the full run (GC timing). */
const LIVE_HEAP_TOLERANCE = 1.25;

export function goals(byKey: Map<ContestantKey, Outcome>, liveHeaps: LiveHeap[]): Goal[] {
	const node = byKey.get('node')!;
	const template = byKey.get('template')!;
	const tuned = ['tuned', 'tunedErrorOutput'].map((key) => byKey.get(key as ContestantKey)!);
	const bestTuned = tuned.reduce((best, outcome) => (outcome.deliveredPerSecond > best.deliveredPerSecond ? outcome : best));
	const share = node.deliveredPerSecond / TARGET_RATE_PER_SECOND;
	const overTemplate = template.deliveredPerSecond > 0 ? node.deliveredPerSecond / template.deliveredPerSecond : Infinity;
	const nodeGrowth = growthPerToken(byKey.get('nodeSmall')!, node);
	const itemsGrowth = growthPerToken(byKey.get('copyControlSmall')!, byKey.get('copyControl')!);
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
	return [
		{ met: share >= 0.9, text: `at least 90% of the configured rate: ${(share * 100).toFixed(1)}% of ${TARGET_RATE_PER_SECOND}/s` },
		{ met: overTemplate > 100, text: `more than 100x the template DIY: ${overTemplate.toFixed(0)}x` },
		{
			met: node.deliveredPerSecond >= bestTuned.deliveredPerSecond,
			text: `at least the tuned DIY's delivered rate: ${node.deliveredPerSecond.toFixed(1)}/s against ${tuned.map((outcome) => `${outcome.deliveredPerSecond.toFixed(1)}/s (${outcome.contestant.label})`).join(', ')}`,
		},
		{ met: node.duplicates === 0 && node.lost === 0, text: `zero duplicates and zero lost: ${node.duplicates} duplicates, ${node.lost} lost` },
		liveHeapGoal(liveHeaps, kb),
		{
			met: nodeGrowth <= MEMORY_ALLOWANCE * Math.max(itemsGrowth, 0),
			text: `n8n's peak RSS grows with the tokens no more than ${MEMORY_ALLOWANCE}x carrying and copying the same rows does: ${kb(nodeGrowth)} per extra token against ${kb(itemsGrowth)}`,
		},
	];
}

/** What the node holds per token must not grow with the number of tokens. */
function liveHeapGoal(liveHeaps: LiveHeap[], kb: (bytes: number) => string): Goal {
	const [small, full] = liveHeaps;
	const figures = liveHeaps
		.map((heap) => `${kb(heap.peakBytesPerToken)} per token at ${heap.tokens} (${(heap.peakBytesPerToken / heap.rowBytesPerToken).toFixed(1)}x the row's own heap)`)
		.join(', ');
	return {
		met: small !== undefined && full !== undefined && full.peakBytesPerToken <= LIVE_HEAP_TOLERANCE * small.peakBytesPerToken,
		text: `memory the node holds per token does not grow with the number of tokens (its live heap): ${figures}`,
	};
}
