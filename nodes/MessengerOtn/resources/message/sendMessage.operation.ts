import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { GraphClient } from '../../../shared/graph/graphClient';
import { uploadingAttachments, type AttachmentSource } from '../../../shared/messages/attachmentUploads';
import { sendToSubscriber } from '../common/sendToSubscriber';
import { readMessageContent } from '../../../shared/messages/readMessageContent';

/**
 * One upload cache per execution: each execution makes its own client, so items that send the same
 * binary file share one upload and its attachment id.
 */
const attachmentsOfExecution = new WeakMap<GraphClient, AttachmentSource>();

function attachmentsFor(context: IExecuteFunctions, client: GraphClient): AttachmentSource {
	let attachments = attachmentsOfExecution.get(client);
	if (!attachments) {
		attachments = uploadingAttachments(context, async () => client);
		attachmentsOfExecution.set(client, attachments);
	}
	return attachments;
}

/** Sends one message (text, buttons, media, generic template, with quick replies) to a PSID. */
export async function sendMessage(
	this: IExecuteFunctions,
	client: GraphClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const message = await readMessageContent(this, itemIndex, attachmentsFor(this, client));
	const { psid, messageId } = await sendToSubscriber.call(this, client, itemIndex, message, { withTags: true });
	return [{ json: { operation: 'sendMessage', psid, messageId }, pairedItem: { item: itemIndex } }];
}
