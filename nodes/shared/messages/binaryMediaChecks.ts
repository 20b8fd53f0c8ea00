import { MAX_ATTACHMENT_BYTES } from '../messageLimits';
import { MEDIA_NAMES } from './mediaMessage';
import type { MessageProblem } from './messageProblem';
import type { MediaKind } from './messageTypes';

/** What the node knows of a binary file before it uploads it. */
export interface BinaryFileFacts {
	byteLength: number;
	mimeType: string;
}

/** The MIME type family each kind must have; a File may be anything. */
const MIME_FAMILIES: Record<MediaKind, string | undefined> = { image: 'image/', audio: 'audio/', video: 'video/', file: undefined };

function megabytes(bytes: number): string {
	return `${(bytes / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

/**
 * Meta's limits on an uploaded attachment, checked before the upload: up to 25 MB, audio as an
 * audio type (Meta's "Saving assets" page). Meta is silent on the types of images and videos; they
 * are held to image/* and video/* so a mislabelled file fails here, not in the subscriber's chat.
 * https://developers.facebook.com/docs/messenger-platform/send-messages/saving-assets
 */
export function binaryMediaProblems(kind: MediaKind, file: BinaryFileFacts, field: string): MessageProblem[] {
	const problems: MessageProblem[] = [];
	if (file.byteLength === 0) {
		problems.push({ field, limit: 'a file of 1 byte or more', message: `${field} is an empty file; Messenger needs a file of 1 byte or more` });
	}
	if (file.byteLength > MAX_ATTACHMENT_BYTES) {
		const limit = `at most ${megabytes(MAX_ATTACHMENT_BYTES)}`;
		problems.push({ field, limit, message: `${field} is ${megabytes(file.byteLength)}; Messenger takes attachments of ${limit}` });
	}
	const family = MIME_FAMILIES[kind];
	if (family && !file.mimeType.toLowerCase().startsWith(family)) {
		const limit = `a MIME type of ${family}* for ${MEDIA_NAMES[kind]}`;
		const type = file.mimeType ? `has the type ${file.mimeType.slice(0, 60)}` : 'has no MIME type';
		problems.push({ field, limit, message: `${field} ${type}; Messenger needs ${limit} (choose File to send it as a document)` });
	}
	return problems;
}
