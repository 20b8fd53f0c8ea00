import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { buttonTemplateMessage } from './buttonTemplate';
import type { ButtonInput } from './buttons';
import { genericTemplateMessage, type GenericElementInput } from './genericTemplate';
import type { AttachmentSource } from './attachmentUploads';
import { MEDIA_NAMES, mediaMessage, uploadedMediaMessage } from './mediaMessage';
import type { Built } from './messageProblem';
import type { MediaKind, MessengerMessage } from './messageTypes';
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

/** Media from a URL, or the item's binary file by the attachment id its upload gave. */
async function mediaOf(
	context: IExecuteFunctions,
	itemIndex: number,
	kind: MediaKind,
	attachments: AttachmentSource,
): Promise<Built<MessengerMessage>> {
	const parameter = (name: string) => context.getNodeParameter(name, itemIndex, '');
	if (parameter('mediaSource') !== 'binary') return mediaMessage(kind, text(parameter('mediaUrl')).trim());
	const binaryPropertyName = text(parameter('binaryPropertyName')).trim();
	const uploaded = await attachments.attachmentIdFor(itemIndex, kind, binaryPropertyName, `${MEDIA_NAMES[kind]} "${binaryPropertyName}"`);
	return uploaded.ok ? { ok: true, message: uploadedMediaMessage(kind, uploaded.message) } : uploaded;
}

async function contentOf(
	context: IExecuteFunctions,
	itemIndex: number,
	messageType: string,
	attachments: AttachmentSource,
): Promise<Built<MessengerMessage>> {
	const parameter = (name: string) => context.getNodeParameter(name, itemIndex, '');
	switch (messageType) {
		case 'text':
			return textMessage(text(parameter('text')));
		case 'buttons':
			return buttonTemplateMessage(text(parameter('text')), buttonsOf(parameter('buttons')));
		case 'image':
		case 'audio':
		case 'video':
		case 'file':
			return mediaOf(context, itemIndex, messageType, attachments);
		case 'generic':
			return genericTemplateMessage(elementsOf(parameter('elements')));
		default:
			throw new NodeOperationError(context.getNode(), `The message type "${messageType}" is not known`, {
				itemIndex,
				description: 'Choose a message type from the list.',
			});
	}
}

/**
 * The item's message with its quick replies, or every problem Messenger would refuse it for. A
 * binary file is checked and uploaded through `attachments` before the message is built.
 */
export async function readMessageContent(
	context: IExecuteFunctions,
	itemIndex: number,
	attachments: AttachmentSource,
): Promise<Built<MessengerMessage>> {
	const messageType = String(context.getNodeParameter('messageType', itemIndex));
	const content = await contentOf(context, itemIndex, messageType, attachments);
	return withQuickReplies(content, quickRepliesOf(context.getNodeParameter('quickReplies', itemIndex, {})));
}
