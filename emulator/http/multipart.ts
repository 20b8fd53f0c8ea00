/** A file part of a multipart/form-data body. */
export interface UploadedFilePart {
	fileName: string;
	contentType: string;
	data: Buffer;
}

export type MultipartValue = string | UploadedFilePart;

export function isFilePart(value: unknown): value is UploadedFilePart {
	return typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFilePart).data);
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** `name="message"` → message; quoted parameters only, as browsers, curl and form libraries send them. */
function headerParameter(header: string, name: string): string | undefined {
	return new RegExp(`${name}="([^"]*)"`, 'i').exec(header)?.[1];
}

/**
 * Parses a multipart/form-data body (RFC 7578) as Meta's upload endpoints take it (curl's `-F`):
 * text fields as strings, file fields with their name, type and bytes. Throws on a body that is not
 * well formed, so the caller answers a parameter error.
 */
export function parseMultipart(raw: Buffer, boundary: string): Record<string, MultipartValue> {
	const delimiter = Buffer.from(`--${boundary}`);
	const fields: Record<string, MultipartValue> = {};
	let start = raw.indexOf(delimiter);
	if (start < 0) throw new Error('the multipart body has no part');
	for (;;) {
		const afterDelimiter = start + delimiter.length;
		if (raw.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return fields;
		const headerStart = afterDelimiter + 2; // past CRLF
		const headerEnd = raw.indexOf(HEADER_END, headerStart);
		const next = raw.indexOf(delimiter, headerStart);
		if (headerEnd < 0 || next < 0 || headerEnd > next) throw new Error('a multipart part is not well formed');
		const header = raw.subarray(headerStart, headerEnd).toString('utf8');
		const content = raw.subarray(headerEnd + HEADER_END.length, next - 2); // the CRLF before the delimiter
		const name = headerParameter(header, 'name');
		if (name === undefined) throw new Error('a multipart part has no name');
		const fileName = headerParameter(header, 'filename');
		if (fileName === undefined) {
			fields[name] = content.toString('utf8');
		} else {
			const contentType = /content-type:\s*([^\r\n]+)/i.exec(header)?.[1].trim() ?? 'application/octet-stream';
			fields[name] = { fileName, contentType, data: Buffer.from(content) };
		}
		start = next;
	}
}
