import { validateTemplate, type TemplateType } from './templateRules';
import { MEDIA_TYPES, METADATA_MAX, PAYLOAD_MAX, QUICK_REPLIES_MAX, QUICK_REPLY_TITLE_MAX, TEXT_MAX } from './limits';
import { fail, isObject, optionalText, optionalUrl, requireArray, requireText, requireUrl } from './textRules';

/** The `message` object of a Send API call (docs/meta-platform.md §4.2, §6). */

const QUICK_REPLY_TYPES = ['text', 'user_phone_number', 'user_email'];

/** What kind of message it is, for the rules that depend on it (opt-in requests). */
export type MessageKind = 'text' | 'media' | TemplateType;

export function validateMessage(message: Record<string, unknown>): MessageKind {
	const hasText = message.text !== undefined;
	const hasAttachment = message.attachment !== undefined;
	if (hasText === hasAttachment) fail('Param message must contain exactly one of text or attachment');
	if (message.quick_replies !== undefined) validateQuickReplies(message.quick_replies);
	optionalText(message.metadata, 'message[metadata]', METADATA_MAX);
	if (hasText) {
		requireText(message.text, 'message[text]', TEXT_MAX);
		return 'text';
	}
	return validateAttachment(message.attachment);
}

function validateAttachment(attachment: unknown): MessageKind {
	if (!isObject(attachment)) return fail('Param message[attachment] must be an object');
	if (attachment.type === 'template') return validateTemplate(attachment.payload);
	if (typeof attachment.type !== 'string' || !MEDIA_TYPES.includes(attachment.type)) {
		fail('Param message[attachment][type] must be one of image, audio, video, file, template');
	}
	if (!isObject(attachment.payload)) fail('Param message[attachment][payload] must be an object');
	// Media comes from a URL or from an earlier upload's attachment_id (Attachment Upload API reference).
	const { url, attachment_id: attachmentId } = attachment.payload;
	if ((url === undefined) === (attachmentId === undefined)) {
		fail('Param message[attachment][payload] needs exactly one of message[attachment][payload][url] and message[attachment][payload][attachment_id]');
	}
	if (url !== undefined) requireUrl(url, 'message[attachment][payload][url]');
	else if (typeof attachmentId !== 'string' || !/^\d+$/.test(attachmentId)) fail('Param message[attachment][payload][attachment_id] must be a numeric string');
	return 'media';
}

function validateQuickReplies(value: unknown): void {
	requireArray(value, 'message[quick_replies]', 1, QUICK_REPLIES_MAX).forEach((reply, index) => {
		const name = `message[quick_replies][${index}]`;
		if (!isObject(reply)) fail(`Param ${name} must be an object`);
		if (typeof reply.content_type !== 'string' || !QUICK_REPLY_TYPES.includes(reply.content_type)) {
			fail(`Param ${name}[content_type] must be one of ${QUICK_REPLY_TYPES.join(', ')}`);
		}
		if (reply.content_type === 'text') {
			requireText(reply.title, `${name}[title]`, QUICK_REPLY_TITLE_MAX);
			requireText(reply.payload, `${name}[payload]`, PAYLOAD_MAX);
		}
		optionalUrl(reply.image_url, `${name}[image_url]`);
	});
}
