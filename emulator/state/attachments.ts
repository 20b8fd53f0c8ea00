import { createHash } from 'crypto';

/** A file a Page saved through the Attachment Upload API (or by URL), as the emulator keeps it. */
export interface AttachmentRecord {
	attachmentId: string;
	pageId: string;
	type: string;
	isReusable: boolean;
	/** Where Meta would have fetched it, for URL uploads. */
	url?: string;
	fileName?: string;
	contentType?: string;
	/** The uploaded bytes, for file uploads. */
	data?: Buffer;
	at: number;
}

/** What the control API shows of an attachment: its facts, and for a file its size, hash and bytes in base64. */
export type AttachmentView = Omit<AttachmentRecord, 'data'> & { size?: number; sha256?: string; dataBase64?: string };

export class Attachments {
	private readonly records = new Map<string, AttachmentRecord>();

	add(record: AttachmentRecord): void {
		this.records.set(record.attachmentId, record);
	}

	get(attachmentId: string): AttachmentRecord | undefined {
		return this.records.get(attachmentId);
	}

	list(pageId?: string): AttachmentRecord[] {
		return [...this.records.values()].filter((record) => pageId === undefined || record.pageId === pageId);
	}

	clear(): void {
		this.records.clear();
	}
}

export function attachmentView(record: AttachmentRecord): AttachmentView {
	const { data, ...facts } = record;
	if (!data) return facts;
	return { ...facts, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), dataBase64: data.toString('base64') };
}
