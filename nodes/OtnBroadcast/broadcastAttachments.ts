import type { IExecuteFunctions } from 'n8n-workflow';

import { createGraphClient } from '../shared/graph/graphClient';
import { noAttachmentUploads, uploadingAttachments, type AttachmentSource } from '../shared/messages/attachmentUploads';
import type { BroadcastSettings } from './broadcastSettings';

/**
 * Where a broadcast's binary file goes: through the Send API, uploaded once and sent to every
 * token by its attachment id. Meta documents attachment ids for the Page's Send API only, so the
 * paid API takes media by URL, and a binary file there is refused before any call.
 */
export function broadcastAttachments(context: IExecuteFunctions, settings: BroadcastSettings): AttachmentSource {
	if (settings.sendThrough === 'paidApi') {
		return noAttachmentUploads('the paid Marketing Message API takes media by URL only; choose Media Source URL');
	}
	let client: ReturnType<typeof createGraphClient> | undefined;
	return uploadingAttachments(context, () => (client ??= createGraphClient(context, { timeoutMs: settings.timeoutMs })));
}
