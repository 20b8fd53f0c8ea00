import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { GraphClient } from '../../../shared/graph/graphClient';
import { oneTimeNotificationRequest } from '../../../shared/messages/oneTimeNotificationRequest';
import { sendToSubscriber } from '../common/sendToSubscriber';

/**
 * Sends the `one_time_notif_req` template. Asking the same subscriber again about the same topic
 * is allowed: each Notify Me tap is its own token.
 */
export async function requestOneTimeNotification(
	this: IExecuteFunctions,
	client: GraphClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const title = String(this.getNodeParameter('title', itemIndex) ?? '');
	const topic = String(this.getNodeParameter('topic', itemIndex) ?? '');
	const message = oneTimeNotificationRequest({ title, topic });
	const { psid, messageId } = await sendToSubscriber.call(this, client, itemIndex, message, { withTags: false });
	return [
		{
			json: { operation: 'requestOneTimeNotification', psid, messageId, topic, title },
			pairedItem: { item: itemIndex },
		},
	];
}
