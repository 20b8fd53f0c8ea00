import type { INodeProperties } from 'n8n-workflow';

import { hasNameMacro, renderNameMacros } from '../shared/personalise/nameMacros';
import type { SubscriberNames } from '../shared/personalise/subscriberNames';
import type { PlannedSend } from './planBroadcast';

export const DEFAULT_NAME_FALLBACK = 'there';

export const nameFallbackOption: INodeProperties = {
	displayName: 'Name Fallback',
	name: 'nameFallback',
	type: 'string',
	default: DEFAULT_NAME_FALLBACK,
	description:
		"Send API: what {{first_name}}, {{last_name}} or {{full_name}} become when Meta gives no name for the subscriber (the Page may not read profiles, the person has none, or the lookup failed). The send goes ahead either way.",
};

/**
 * The planned sends with the name macros of each message filled in for its subscriber (Send API).
 * Only a message that holds a macro costs a profile lookup, once per subscriber; without a name,
 * the fallback goes in. The rows are untouched: only the message changes, and no name reaches the
 * rows or the send log. Lookups run `concurrency` at a time, paced by the reader.
 */
export async function personaliseSends(
	sends: PlannedSend[],
	names: SubscriberNames | undefined,
	fallback: string,
	concurrency: number,
): Promise<PlannedSend[]> {
	const personalised = [...sends];
	const waiting = sends.map((planned, index) => ({ planned, index })).filter(({ planned }) => hasNameMacro(planned.message));
	async function worker(): Promise<void> {
		for (let next = waiting.shift(); next; next = waiting.shift()) {
			const { planned, index } = next;
			const name = names ? await names.get(String(planned.row.pageId), String(planned.row.psid ?? '')) : undefined;
			personalised[index] = { ...planned, message: renderNameMacros(planned.message, name, fallback) };
		}
	}
	await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
	return personalised;
}
