import type { IDataObject } from 'n8n-workflow';

/**
 * One marketing message through the paid Marketing Message API (docs/meta-platform.md §3.4): to one
 * subscription token (a marketing token row's `token`), under one message campaign.
 */
export interface PaidMessageRequest {
	/** The message campaign's id, which Meta takes as `message_id`. */
	campaignId: string;
	/** The subscription token (`notification_messages_token` of the marketing opt-in, docs/meta-platform.md §3.1). */
	subscriptionToken: string;
	/** A Messenger message object: text (at most 640 characters), or a template. */
	message: IDataObject;
	/** Meta refuses the send when the thread had organic activity this recently (error 2300052). */
	minConversationGapSeconds?: number;
}

/** The JSON body of `POST /act_<id>/messages`. */
export function paidMessageBody(request: PaidMessageRequest): IDataObject {
	const body: IDataObject = {
		message_id: request.campaignId,
		messenger_delivery_data: { subscription_token: request.subscriptionToken },
		message: request.message,
	};
	if (request.minConversationGapSeconds !== undefined) body.min_conversation_gap_seconds = request.minConversationGapSeconds;
	return body;
}
