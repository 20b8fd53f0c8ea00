import type { MediaKind } from '../messages/messageTypes';
import type { GraphClient, GraphResult } from './graphClient';
import { multipartBody } from './multipartBody';

export interface UploadedFile {
	bytes: Buffer;
	fileName: string;
	mimeType: string;
}

/**
 * Meta's Attachment Upload API: `POST /me/message_attachments` with a multipart `message` (the
 * attachment's type, `is_reusable: true`) and `filedata`; Meta answers `{"attachment_id": "…"}`,
 * which this Page (only) may send to any number of recipients for 90 days.
 * https://developers.facebook.com/docs/messenger-platform/reference/attachment-upload-api
 */
export async function uploadAttachment(client: GraphClient, kind: MediaKind, file: UploadedFile): Promise<GraphResult<{ attachment_id?: unknown }>> {
	const message = { attachment: { type: kind, payload: { is_reusable: true } } };
	const body = multipartBody([
		{ field: 'message', text: JSON.stringify(message) },
		{ field: 'filedata', file: file.bytes, fileName: file.fileName, mimeType: file.mimeType },
	]);
	return client.call<{ attachment_id?: unknown }>('POST', '/me/message_attachments', { body });
}
