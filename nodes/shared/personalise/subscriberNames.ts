import type { SubscriberName } from './nameMacros';

/** Reads one subscriber's names; undefined when they cannot be had. Never throws for a profile. */
export type NameReader = (pageId: string, psid: string) => Promise<SubscriberName | undefined>;

/**
 * Each subscriber's names, read at most once per execution (keyed by Page and PSID), however many
 * rows, variants or previews ask. A failed read is remembered as "no name" too, so the fallback
 * costs no second call. Held in memory for the execution only, never written out.
 */
export class SubscriberNames {
	private readonly byKey = new Map<string, Promise<SubscriberName | undefined>>();

	constructor(private readonly read: NameReader) {}

	get(pageId: string, psid: string): Promise<SubscriberName | undefined> {
		const key = `${pageId}/${psid}`;
		let name = this.byKey.get(key);
		if (!name) {
			name = this.read(pageId, psid).catch(() => undefined);
			this.byKey.set(key, name);
		}
		return name;
	}
}
