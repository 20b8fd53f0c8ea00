import { checkRequiredUrl } from './fieldChecks';
import { builtUnlessProblems, type Built } from './messageProblem';
import type { MediaKind, MessengerMessage } from './messageTypes';

/** The names the editor shows for each kind of media, so a problem points at the right field. */
export const MEDIA_NAMES: Record<MediaKind, string> = { image: 'Image', audio: 'Audio', video: 'Video', file: 'File' };

/** An image, audio, video or file that Meta fetches from a public http(s) URL (docs/meta-platform.md §4.2). */
export function mediaMessage(kind: MediaKind, url: string): Built<MessengerMessage> {
	return builtUnlessProblems(checkRequiredUrl(url, `${MEDIA_NAMES[kind]} URL`), () => ({
		attachment: { type: kind, payload: { url } },
	}));
}

/**
 * Media uploaded before through Meta's Attachment Upload API, sent by its attachment id:
 * https://developers.facebook.com/docs/messenger-platform/reference/attachment-upload-api
 */
export function uploadedMediaMessage(kind: MediaKind, attachmentId: string): MessengerMessage {
	return { attachment: { type: kind, payload: { attachment_id: attachmentId } } };
}
