import type { IDataObject } from 'n8n-workflow';

import type { RecipientKind } from './errorTable';

/** Who a Send API message goes to (docs/meta-platform.md §4.2, §1.5, §2.4). */
export type Recipient =
	| { id: string }
	| { one_time_notif_token: string }
	| { notification_messages_token: string };

export type MessagingType = 'RESPONSE' | 'UPDATE' | 'MESSAGE_TAG';

/** One Send API call: `POST /me/messages`, alone or as one item of a batch. */
export interface SendRequest {
	recipient: Recipient;
	message: IDataObject;
	messaging_type?: MessagingType;
	tag?: string;
	notification_type?: 'REGULAR' | 'SILENT_PUSH' | 'NO_PUSH';
}

export function recipientKind(recipient: Recipient): RecipientKind {
	if ('one_time_notif_token' in recipient) return 'oneTimeToken';
	if ('notification_messages_token' in recipient) return 'marketingToken';
	return 'psid';
}

/** The token a request carries, so that no message about it ever repeats it. */
export function recipientSecret(recipient: Recipient): string | undefined {
	if ('one_time_notif_token' in recipient) return recipient.one_time_notif_token;
	if ('notification_messages_token' in recipient) return recipient.notification_messages_token;
	return undefined;
}

/** The JSON body of a single Send API call. */
export function sendRequestBody(request: SendRequest): IDataObject {
	const body: IDataObject = { recipient: request.recipient, message: request.message };
	if (request.messaging_type) body.messaging_type = request.messaging_type;
	if (request.tag) body.tag = request.tag;
	if (request.notification_type) body.notification_type = request.notification_type;
	return body;
}

/**
 * The same call as one item of a Graph batch: batch bodies are url-encoded forms whose object
 * values are JSON strings (docs/meta-platform.md §4.7).
 */
export function sendRequestBatchItem(request: SendRequest): IDataObject {
	const form = Object.entries(sendRequestBody(request))
		.map(([key, value]) => {
			const text = typeof value === 'string' ? value : JSON.stringify(value);
			return `${encodeURIComponent(key)}=${encodeURIComponent(text)}`;
		})
		.join('&');
	return { method: 'POST', relative_url: 'me/messages', body: form };
}
