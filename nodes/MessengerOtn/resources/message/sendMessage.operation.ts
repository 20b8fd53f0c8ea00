import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import type { GraphClient } from '../../../shared/graph/graphClient';
import { graphNodeError } from '../../../shared/graph/graphNodeError';
import type { MessagingType } from '../../../shared/graph/sendRequest';
import { MAX_TEXT_LENGTH } from '../../../shared/messageLimits';

/** Sends one text message to a PSID inside the 24-hour window. */
export async function sendMessage(
	this: IExecuteFunctions,
	client: GraphClient,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const psid = String(this.getNodeParameter('psid', itemIndex)).trim();
	const text = String(this.getNodeParameter('text', itemIndex));
	const messagingType = this.getNodeParameter('messagingType', itemIndex) as MessagingType;

	if (!psid) {
		throw new NodeOperationError(this.getNode(), 'The recipient PSID is empty', {
			itemIndex,
			description: "Map the subscriber's PSID, e.g. {{ $json.psid }} from the Messenger OTN Trigger.",
		});
	}
	if (!text.trim() || text.length > MAX_TEXT_LENGTH) {
		throw new NodeOperationError(
			this.getNode(),
			`The text has ${text.length} characters; Messenger takes 1 to ${MAX_TEXT_LENGTH}`,
			{ itemIndex, description: `Shorten the text to at most ${MAX_TEXT_LENGTH} characters, or split it into two messages.` },
		);
	}

	const outcome = await client.sendMessage({
		recipient: { id: psid },
		message: { text },
		messaging_type: messagingType,
	});
	if (!outcome.ok) throw graphNodeError(this.getNode(), outcome, itemIndex);
	return {
		json: { operation: 'sendMessage', psid, messageId: outcome.messageId },
		pairedItem: { item: itemIndex },
	};
}
