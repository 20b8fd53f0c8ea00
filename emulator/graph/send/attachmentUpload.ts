import { newAttachmentId } from '../../core/ids';
import { uploadAttachmentFailure } from '../../fixtures/graphErrors';
import { isFilePart } from '../../http/multipart';
import type { PageRecord } from '../../state/directory';
import type { EmulatorState } from '../../state/emulatorState';
import { jsonResponse, type GraphResponse } from '../graphCall';
import { GraphError } from '../graphError';
import { objectParam } from '../params';
import { ATTACHMENT_MAX_BYTES, MEDIA_TYPES } from './limits';
import { fail, isObject, requireUrl } from './textRules';

/**
 * `POST /me/message_attachments` and `POST /{page-id}/message_attachments`, Meta's Attachment Upload
 * API: a `message` with the attachment's type and `payload.is_reusable`, and either `payload.url` or
 * a multipart `filedata` file; the answer is `{"attachment_id": "…"}`.
 * https://developers.facebook.com/docs/messenger-platform/reference/attachment-upload-api
 */
export function uploadAttachment(state: EmulatorState, page: PageRecord, params: Record<string, unknown>): GraphResponse {
	const message = objectParam(params, 'message');
	if (!message) fail('Param message is required');
	const attachment = message.attachment;
	if (!isObject(attachment)) return fail('Param message[attachment] must be an object');
	if (typeof attachment.type !== 'string' || !MEDIA_TYPES.includes(attachment.type)) {
		fail(`Param message[attachment][type] must be one of ${MEDIA_TYPES.join(', ')}`);
	}
	const payload = attachment.payload;
	if (!isObject(payload)) return fail('Param message[attachment][payload] must be an object');
	const file = params.filedata;
	const hasUrl = payload.url !== undefined;
	if (hasUrl === isFilePart(file)) fail('Give exactly one of message[attachment][payload][url] and filedata');
	const type = attachment.type as string;
	const record = {
		attachmentId: newAttachmentId(),
		pageId: page.pageId,
		type,
		isReusable: payload.is_reusable === true,
		at: state.clock.now(),
	};
	if (isFilePart(file)) {
		if (file.data.length === 0 || file.data.length > ATTACHMENT_MAX_BYTES) throw new GraphError(uploadAttachmentFailure());
		// Meta: for audio, "Content-Type header must use type audio (for example, audio/mp3)" (saving-assets page).
		if (type === 'audio' && !file.contentType.toLowerCase().startsWith('audio/')) fail('filedata of an audio attachment must have an audio/* Content-Type');
		state.attachments.add({ ...record, fileName: file.fileName, contentType: file.contentType, data: file.data });
	} else {
		state.attachments.add({ ...record, url: requireUrl(payload.url, 'message[attachment][payload][url]') });
	}
	return jsonResponse(200, { attachment_id: record.attachmentId });
}

/**
 * A send naming an `attachment_id` may use only a reusable attachment its own Page saved, of the
 * same type ("this ID is private and only the page that originally sent the attachment can reuse
 * it"; "Only attachments that were uploaded with the is_reusable property set to true can be sent
 * to other message recipients"). Meta does not document the error for either case: the emulator
 * answers a parameter error (100) and delivers nothing.
 */
export function checkSavedAttachment(state: EmulatorState, page: PageRecord, message: Record<string, unknown>): void {
	const attachment = message.attachment as Record<string, unknown> | undefined;
	const attachmentId = (attachment?.payload as Record<string, unknown> | undefined)?.attachment_id;
	if (typeof attachmentId !== 'string') return;
	const saved = state.attachments.get(attachmentId);
	if (!saved || saved.pageId !== page.pageId) fail(`Param message[attachment][payload][attachment_id] ${attachmentId} is not an attachment of this Page`);
	if (!saved.isReusable) fail(`Param message[attachment][payload][attachment_id] ${attachmentId} was not saved with is_reusable`);
	if (saved.type !== attachment?.type) fail(`Param message[attachment][type] must be ${saved.type}, the type attachment ${attachmentId} was saved as`);
}
