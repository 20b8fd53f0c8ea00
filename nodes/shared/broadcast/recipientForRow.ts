import type { Recipient } from '../graph/sendRequest';
import type { TokenRow } from '../tokens/tokenRow';

/** A one-time token and a marketing token travel in different recipient fields (docs/meta-platform.md §1.5, §2.4). */
export function recipientForRow(row: TokenRow & { token: string }): Recipient {
	return row.tokenType === 'one_time' ? { one_time_notif_token: row.token } : { notification_messages_token: row.token };
}
