/** One day in milliseconds, for the rules Meta writes in days. */
export const DAY_MS = 24 * 60 * 60 * 1000;
