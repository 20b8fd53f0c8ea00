/**
 * How deep a webhook event may nest. The events the trigger reads (docs/meta-platform.md §1.4, §2.3, §3.5,
 * §5.2, §6) nest a few levels; one nested thousands of levels deep would overflow the stack of
 * anything that walks it, so it is refused before anything does.
 */
export const MAX_EVENT_DEPTH = 64;

/** Whether a value nests deeper than `limit` objects or lists; walks without recursion. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
	const pending: Array<[unknown, number]> = [[value, 0]];
	while (pending.length > 0) {
		const [next, depth] = pending.pop()!;
		if (!next || typeof next !== 'object') continue;
		if (depth >= limit) return true;
		for (const inner of Object.values(next)) pending.push([inner, depth + 1]);
	}
	return false;
}
