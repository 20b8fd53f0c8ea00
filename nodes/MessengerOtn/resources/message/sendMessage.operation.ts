import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { GraphClient } from '../../../shared/graph/graphClient';
import { sendToSubscriber } from '../common/sendToSubscriber';
import { readMessageContent } from '../../../shared/messages/readMessageContent';

/** Sends one message (text, buttons, image, file or generic template, with quick replies) to a PSID. */
export async function sendMessage(
	this: IExecuteFunctions,
	client: GraphClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const message = readMessageContent(this, itemIndex);
	const { psid, messageId } = await sendToSubscriber.call(this, client, itemIndex, message, { withTags: true });
	return [{ json: { operation: 'sendMessage', psid, messageId }, pairedItem: { item: itemIndex } }];
}
