/**
 * The batch size that fills every second of the rate: a batch waits until it fits whole in the
 * window, so 125 messages/s in batches of 50 would send only 100 a second. Splitting each second's
 * messages into equal batches no larger than `maxBatchSize` loses at most one message per batch
 * (125/s: three batches of 41).
 */
export function evenBatchSize(maxBatchSize: number, ratePerSecond: number): number {
	const perSecond = Math.floor(ratePerSecond);
	if (perSecond <= maxBatchSize) return Math.max(1, Math.min(maxBatchSize, perSecond));
	const batchesPerSecond = Math.ceil(perSecond / maxBatchSize);
	return Math.floor(perSecond / batchesPerSecond);
}
