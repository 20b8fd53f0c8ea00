import { createHmac } from 'crypto';

import { constantTimeEqual } from '../constantTime';

export const SIGNATURE_HEADER = 'x-hub-signature-256';

export type SignatureCheck = 'valid' | 'missing' | 'malformed' | 'mismatch';

const SIGNATURE_FORMAT = /^sha256=[0-9a-f]{64}$/;

/** `sha256=<hex>` of the exact bytes, keyed with the App secret (docs/meta-platform.md §5.3). */
export function webhookSignature(rawBody: Buffer | string, appSecret: string): string {
	return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * Checks Meta's `X-Hub-Signature-256` against the raw request bytes. Never against re-serialised
 * JSON: Meta signs the bytes it sent, with non-ASCII escaped.
 */
export function checkWebhookSignature(
	rawBody: Buffer | string | undefined,
	header: string | string[] | undefined,
	appSecret: string,
): SignatureCheck {
	const value = Array.isArray(header) ? header[0] : header;
	if (!value) return 'missing';
	const signature = value.trim().toLowerCase();
	if (!SIGNATURE_FORMAT.test(signature)) return 'malformed';
	if (rawBody === undefined) return 'mismatch';
	return constantTimeEqual(signature, webhookSignature(rawBody, appSecret)) ? 'valid' : 'mismatch';
}
