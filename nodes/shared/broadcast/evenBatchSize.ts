/**
 * The batch size that fills every second of the rate: a batch waits until it fits whole in the
 * window, so 125 messages/s in batches of 50 would send only 100 a second, and in three batches of
 * 41 only 123. Of the splits of a second's messages into equal batches no larger than
 * `maxBatchSize` (up to twice the fewest batches), the one that leaves the fewest messages out:
 * 125/s goes as five batches of 25.
 */
export function evenBatchSize(maxBatchSize: number, ratePerSecond: number): number {
	const perSecond = Math.floor(ratePerSecond);
	if (perSecond <= maxBatchSize) return Math.max(1, Math.min(maxBatchSize, perSecond));
	const fewestBatches = Math.ceil(perSecond / maxBatchSize);
	let batches = fewestBatches;
	for (let more = fewestBatches + 1; more <= fewestBatches * 2; more++) {
		if (perSecond % more < perSecond % batches) batches = more;
	}
	return Math.floor(perSecond / batches);
}
