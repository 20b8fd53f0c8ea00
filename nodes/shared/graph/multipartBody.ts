import { randomBytes } from 'crypto';

/** A form field: text, or a file with its name and type. */
export type MultipartField =
	| { field: string; text: string }
	| { field: string; file: Buffer; fileName: string; mimeType: string };

export interface MultipartBody {
	body: Buffer;
	contentType: string;
}

/** Quotes in a header parameter would end it early: they and line breaks become underscores. */
function headerSafe(value: string): string {
	return value.replace(/["\r\n\\]/g, '_');
}

/**
 * A multipart/form-data body (RFC 7578) as one Buffer, so n8n's httpRequest sends it as it is and
 * the package needs no form library at run time.
 */
export function multipartBody(fields: MultipartField[]): MultipartBody {
	const boundary = `----n8nMessengerOtn${randomBytes(12).toString('hex')}`;
	const parts: Buffer[] = [];
	for (const field of fields) {
		const disposition = `Content-Disposition: form-data; name="${headerSafe(field.field)}"`;
		if ('file' in field) {
			const head = `--${boundary}\r\n${disposition}; filename="${headerSafe(field.fileName)}"\r\nContent-Type: ${headerSafe(field.mimeType)}\r\n\r\n`;
			parts.push(Buffer.from(head, 'utf8'), field.file, Buffer.from('\r\n'));
		} else {
			parts.push(Buffer.from(`--${boundary}\r\n${disposition}\r\n\r\n${field.text}\r\n`, 'utf8'));
		}
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
