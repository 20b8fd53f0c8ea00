import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import type { GraphClient } from '../../../shared/graph/graphClient';
import { graphNodeError } from '../../../shared/graph/graphNodeError';
import type { MessagingType, SendRequest } from '../../../shared/graph/sendRequest';
import { messageTagProblems } from '../../../shared/messages/messageTags';
import type { Built } from '../../../shared/messages/messageProblem';
import type { MessengerMessage } from '../../../shared/messages/messageTypes';
import { messageProblemsError } from '../../../shared/messages/messageProblemsError';

export interface SentToSubscriber {
	psid: string;
	messageId: string;
}

function readPsid(context: IExecuteFunctions, itemIndex: number): string {
	const psid = String(context.getNodeParameter('psid', itemIndex) ?? '').trim();
	if (psid) return psid;
	throw new NodeOperationError(context.getNode(), 'The recipient PSID is empty', {
		itemIndex,
		description: "Map the subscriber's PSID, e.g. {{ $json.psid }} from the Messenger OTN Trigger.",
	});
}

/** messaging_type, and the tag it needs; an expression may give anything, so both are checked. */
function readMessagingType(
	context: IExecuteFunctions,
	itemIndex: number,
	withTags: boolean,
): Pick<SendRequest, 'messaging_type' | 'tag'> {
	const messagingType = String(context.getNodeParameter('messagingType', itemIndex));
	const allowed = withTags ? ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'] : ['RESPONSE', 'UPDATE'];
	if (!allowed.includes(messagingType)) {
		throw new NodeOperationError(context.getNode(), `The messaging type "${messagingType.slice(0, 40)}" is not one Messenger allows here`, {
			itemIndex,
			description: `Choose one of ${allowed.join(', ')}.`,
		});
	}
	if (messagingType !== 'MESSAGE_TAG') return { messaging_type: messagingType as MessagingType };
	const tag = String(context.getNodeParameter('tag', itemIndex));
	const problems = messageTagProblems(tag);
	if (problems.length > 0) throw messageProblemsError(context.getNode(), problems, itemIndex);
	return { messaging_type: 'MESSAGE_TAG', tag };
}

/**
 * Sends one built message to the item's PSID, after every check that needs no call: the PSID, the
 * messaging type and tag, and Meta's limits. Any failure is thrown as the item's error; a Graph
 * error keeps Meta's code, subcode and trace id.
 */
export async function sendToSubscriber(
	this: IExecuteFunctions,
	client: GraphClient,
	itemIndex: number,
	message: Built<MessengerMessage>,
	options: { withTags: boolean },
): Promise<SentToSubscriber> {
	const psid = readPsid(this, itemIndex);
	const messaging = readMessagingType(this, itemIndex, options.withTags);
	if (!message.ok) throw messageProblemsError(this.getNode(), message.problems, itemIndex);
	const outcome = await client.sendMessage({ recipient: { id: psid }, message: message.message, ...messaging });
	if (!outcome.ok) throw graphNodeError(this.getNode(), outcome, itemIndex);
	return { psid, messageId: outcome.messageId };
}
