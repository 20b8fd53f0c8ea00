import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { buttonTemplateMessage } from './buttonTemplate';
import type { ButtonInput } from './buttons';
import { genericTemplateMessage, type GenericElementInput } from './genericTemplate';
import { mediaMessage } from './mediaMessage';
import type { Built } from './messageProblem';
import type { MessengerMessage } from './messageTypes';
import { withQuickReplies, type QuickReplyInput } from './quickReplies';
import { textMessage } from './textMessage';

/** Reads the parameters of messageContentParameters.ts into the shared message model. */

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

/** The entries of a fixedCollection, e.g. `buttons.button`. */
function entries(collection: unknown, key: string): IDataObject[] {
	const list = (collection as IDataObject | undefined)?.[key];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

function buttonsOf(collection: unknown): ButtonInput[] {
	return entries(collection, 'button').map((button) =>
		button.type === 'url'
			? { kind: 'url', title: text(button.title), url: text(button.url).trim() }
			: { kind: 'postback', title: text(button.title), payload: text(button.payload) },
	);
}

function elementsOf(collection: unknown): GenericElementInput[] {
	return entries(collection, 'element').map((element) => ({
		title: text(element.title),
		subtitle: text(element.subtitle),
		imageUrl: text(element.imageUrl).trim(),
		buttons: buttonsOf(element.buttons),
	}));
}

function quickRepliesOf(collection: unknown): QuickReplyInput[] {
	return entries(collection, 'quickReply').map((reply) => ({
		title: text(reply.title),
		payload: text(reply.payload),
		imageUrl: text(reply.imageUrl).trim(),
	}));
}

function contentOf(context: IExecuteFunctions, itemIndex: number, messageType: string): Built<MessengerMessage> {
	const parameter = (name: string) => context.getNodeParameter(name, itemIndex, '');
	switch (messageType) {
		case 'text':
			return textMessage(text(parameter('text')));
		case 'buttons':
			return buttonTemplateMessage(text(parameter('text')), buttonsOf(parameter('buttons')));
		case 'image':
		case 'file':
			return mediaMessage(messageType, text(parameter('mediaUrl')).trim());
		case 'generic':
			return genericTemplateMessage(elementsOf(parameter('elements')));
		default:
			throw new NodeOperationError(context.getNode(), `The message type "${messageType}" is not known`, {
				itemIndex,
				description: 'Choose a message type from the list.',
			});
	}
}

/** The item's message with its quick replies, or every problem Messenger would refuse it for. */
export function readMessageContent(context: IExecuteFunctions, itemIndex: number): Built<MessengerMessage> {
	const messageType = String(context.getNodeParameter('messageType', itemIndex));
	const content = contentOf(context, itemIndex, messageType);
	return withQuickReplies(content, quickRepliesOf(context.getNodeParameter('quickReplies', itemIndex, {})));
}
