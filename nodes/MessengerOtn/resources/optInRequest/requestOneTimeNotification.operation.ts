import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { GraphClient } from '../../../shared/graph/graphClient';
import { oneTimeNotificationRequest } from '../../../shared/messages/oneTimeNotificationRequest';
import { sendToSubscriber } from '../common/sendToSubscriber';
import { refuseRepeatRequest } from './refuseRepeatRequest';

/**
 * Sends the `one_time_notif_req` template. Given the subscriber's token rows, it first refuses a
 * request for a topic they already hold an unused token for (Meta's 613/1893016 rule).
 */
export async function requestOneTimeNotification(
	this: IExecuteFunctions,
	client: GraphClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const title = String(this.getNodeParameter('title', itemIndex) ?? '');
	const topic = String(this.getNodeParameter('topic', itemIndex) ?? '');
	const repeatCheck = this.getNodeParameter('repeatCheck', itemIndex, {}) as IDataObject;
	refuseRepeatRequest(this, itemIndex, topic, repeatCheck);
	const message = oneTimeNotificationRequest({ title, topic });
	const { psid, messageId } = await sendToSubscriber.call(this, client, itemIndex, message, { withTags: false });
	return [
		{
			json: { operation: 'requestOneTimeNotification', psid, messageId, topic, title },
			pairedItem: { item: itemIndex },
		},
	];
}
