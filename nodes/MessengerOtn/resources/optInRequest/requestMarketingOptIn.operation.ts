import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { GraphClient } from '../../../shared/graph/graphClient';
import { DEFAULT_MARKETING_TITLE, marketingOptInRequest } from '../../../shared/messages/marketingOptInRequest';
import { sendToSubscriber } from '../common/sendToSubscriber';

/**
 * Sends the `notification_messages` template. A second request with the same title to the same
 * subscriber within a week is refused by Meta (613/1893016); the error table says so in words.
 */
export async function requestMarketingOptIn(
	this: IExecuteFunctions,
	client: GraphClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const title = String(this.getNodeParameter('title', itemIndex) ?? '');
	const topic = String(this.getNodeParameter('topic', itemIndex) ?? '');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const message = marketingOptInRequest({
		title,
		topic,
		ctaText: String(this.getNodeParameter('ctaText', itemIndex) ?? ''),
		imageUrl: String(options.imageUrl ?? '').trim(),
		imageAspectRatio: String(options.imageAspectRatio ?? ''),
		timezone: String(options.timezone ?? '').trim(),
	});
	const { psid, messageId } = await sendToSubscriber.call(this, client, itemIndex, message, { withTags: false });
	return [
		{
			// The title the subscriber saw, which is also the one Meta's weekly rule counts.
			json: { operation: 'requestMarketingOptIn', psid, messageId, topic, title: title || DEFAULT_MARKETING_TITLE },
			pairedItem: { item: itemIndex },
		},
	];
}
