/** What every run of the queue-mode benchmark (opt-in intake, broadcast in shards) faces. */
export const INTAKE = {
	/** Distinct opt-ins per mode; 10% of them are posted a second time, as Meta's retries are. */
	optIns: 2000,
	duplicateShare: 0.1,
	/** Webhook posts in flight at once, like a crowd tapping Notify Me after a live stream. */
	concurrency: 50,
	topic: 'intake',
};

/** The broadcast's configured Page rate, and the emulator's Page limit above it. */
export const RATE_PER_SECOND = 250;
export const PAGE_LIMIT_PER_SECOND = 300;
