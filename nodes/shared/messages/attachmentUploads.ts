import { createHash } from 'crypto';
import { NodeApiError, type IExecuteFunctions } from 'n8n-workflow';

import { uploadAttachment } from '../graph/attachmentUpload';
import type { GraphClient } from '../graph/graphClient';
import { classifyGraphError } from '../graph/errorTable';
import { graphNodeError } from '../graph/graphNodeError';
import { binaryMediaProblems } from './binaryMediaChecks';
import type { Built } from './messageProblem';
import type { MediaKind } from './messageTypes';

/** Where a message's binary file becomes an attachment id Meta can send. */
export interface AttachmentSource {
	/**
	 * The attachment id of the item's binary file, or every problem Messenger would refuse it for.
	 * `field` names the parameter in the editor, e.g. "Input Data Field Name data".
	 */
	attachmentIdFor(itemIndex: number, kind: MediaKind, binaryPropertyName: string, field: string): Promise<Built<string>>;
}

/**
 * Checks each binary file against Meta's limits, then uploads it through the Attachment Upload
 * API once per distinct file and kind: a thousand recipients of one file cost one upload, and
 * every send names the same attachment id. An upload Meta refuses is thrown as the item's error.
 */
export function uploadingAttachments(context: IExecuteFunctions, client: () => Promise<GraphClient>): AttachmentSource {
	const uploads = new Map<string, Promise<Built<string>>>();

	async function upload(itemIndex: number, kind: MediaKind, binaryPropertyName: string, field: string): Promise<Built<string>> {
		const binary = context.helpers.assertBinaryData(itemIndex, binaryPropertyName);
		const bytes = await context.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
		const problems = binaryMediaProblems(kind, { byteLength: bytes.length, mimeType: binary.mimeType ?? '' }, field);
		if (problems.length > 0) return { ok: false, problems };
		const fileName = binary.fileName || `${kind}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
		const result = await uploadAttachment(await client(), kind, { bytes, fileName, mimeType: binary.mimeType });
		if (!result.ok) throw graphNodeError(context.getNode(), { error: result.error, ...classifyGraphError(result.error) }, itemIndex);
		const attachmentId = result.body?.attachment_id;
		if (typeof attachmentId !== 'string' && typeof attachmentId !== 'number') {
			throw new NodeApiError(context.getNode(), { message: 'no attachment_id' }, {
				message: 'Meta accepted the upload but answered no attachment id',
				description: 'Nothing was sent. Run again; if it keeps happening, send the file from a public URL instead.',
				itemIndex,
			});
		}
		return { ok: true, message: String(attachmentId) };
	}

	return {
		attachmentIdFor(itemIndex, kind, binaryPropertyName, field) {
			const binary = context.helpers.assertBinaryData(itemIndex, binaryPropertyName);
			// Stored files (filesystem, database, S3) have an id; inline ones are told apart by their content.
			const identity = binary.id ?? createHash('sha256').update(binary.data).digest('hex');
			const key = `${kind}:${identity}`;
			let pending = uploads.get(key);
			if (!pending) {
				pending = upload(itemIndex, kind, binaryPropertyName, field);
				uploads.set(key, pending);
			}
			return pending;
		},
	};
}

/** For a channel that cannot take uploaded attachments: every binary file is a problem that says what to do. */
export function noAttachmentUploads(reason: string): AttachmentSource {
	return {
		async attachmentIdFor(_itemIndex, _kind, _binaryPropertyName, field) {
			return { ok: false, problems: [{ field, limit: 'a media URL', message: `${field}: ${reason}` }] };
		},
	};
}
