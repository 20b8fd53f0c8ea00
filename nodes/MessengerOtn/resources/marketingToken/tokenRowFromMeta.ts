import { newTokenRow } from '../../../shared/tokens/newTokenRow';
import type { TokenRow } from '../../../shared/tokens/tokenRow';
import { isoFromMetaTime } from '../../../shared/webhook/timestamps';
import type { MetaMarketingToken } from './listMarketingTokens';

/** An entry that can be a token row: it has a token and the subscriber's PSID. */
export type ListedMarketingToken = MetaMarketingToken & { notification_messages_token: string; recipient_id: string | number };

function textOrNull(value: unknown): string | null {
	return value === undefined || value === null || value === '' ? null : String(value);
}

export function isListedMarketingToken(item: MetaMarketingToken): item is ListedMarketingToken {
	return textOrNull(item.notification_messages_token) !== null && textOrNull(item.recipient_id) !== null;
}

/**
 * A token row from what Meta's list gives. Meta lists `topic_title` (the title the subscriber saw),
 * not the request's payload, so `topic` stays null; nor does it give sends, so those columns are
 * null too. A token Meta gives an expiry in the past is `expired`, any other `available`.
 */
export function tokenRowFromMeta(item: ListedMarketingToken, pageId: string, now: Date): TokenRow {
	const expiresAt = isoFromMetaTime(item.token_expiry_timestamp);
	return newTokenRow({
		token: item.notification_messages_token,
		tokenType: 'marketing',
		pageId,
		psid: String(item.recipient_id),
		topic: null,
		title: textOrNull(item.topic_title),
		timezone: textOrNull(item.notification_messages_timezone),
		optedInAt: isoFromMetaTime(item.creation_timestamp),
		expiresAt,
		status: expiresAt !== null && Date.parse(expiresAt) <= now.getTime() ? 'expired' : 'available',
		nextEligibleAt: isoFromMetaTime(item.next_eligible_time),
	});
}
