import type { GraphClient } from '../graph/graphClient';
import type { GraphError } from '../graph/graphError';
import type { SubscriberName } from './nameMacros';

/**
 * Only the two names are asked for: nothing else of the profile is needed, and `profile_pic`
 * would be more personal data to hold.
 */
export const PROFILE_FIELDS = 'first_name,last_name';

function nonEmpty(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * A subscriber's names from Meta's User Profile API, `GET /<PSID>?fields=first_name,last_name` with
 * the Page access token (https://developers.facebook.com/docs/messenger-platform/identity/user-profile).
 * Undefined whenever Meta does not give them: the Page may not read the profile (Meta answers
 * 100/33 "…cannot be loaded due to missing permissions…"), the person has none (100/2018218 "No
 * profile available for this user."), or any other error. The caller falls back; nothing else
 * depends on the answer, and its error (which could name the PSID) goes only to `onRefused`, for
 * pacing, never to a log or an output.
 */
export async function readSubscriberName(
	client: Pick<GraphClient, 'call'>,
	psid: string,
	onRefused: (error: GraphError) => void = () => undefined,
): Promise<SubscriberName | undefined> {
	if (!/^\d+$/.test(psid)) return undefined;
	const result = await client.call<{ first_name?: unknown; last_name?: unknown }>('GET', `/${psid}`, { qs: { fields: PROFILE_FIELDS } });
	if (!result.ok) {
		onRefused(result.error);
		return undefined;
	}
	const name: SubscriberName = {};
	const firstName = nonEmpty(result.body?.first_name);
	const lastName = nonEmpty(result.body?.last_name);
	if (firstName !== undefined) name.firstName = firstName;
	if (lastName !== undefined) name.lastName = lastName;
	return firstName === undefined && lastName === undefined ? undefined : name;
}
