/**
 * Meta sends times as milliseconds (messaging events) or seconds (token expiry), as numbers or as
 * strings (docs/meta-platform.md §2.3). Values below 10^11 are read as seconds.
 */
export function isoFromMetaTime(value: unknown): string | null {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return null;
	const ms = n < 1e11 ? n * 1000 : n;
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
