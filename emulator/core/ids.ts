import { randomBytes, randomInt, randomUUID } from 'crypto';

/** Ids and tokens shaped like Meta's, random enough never to collide between tests. */

function digits(count: number): string {
	let out = String(randomInt(1, 10));
	while (out.length < count) out += String(randomInt(0, 10));
	return out;
}

export const newPsid = (): string => digits(16);
export const newNumericId = (): string => digits(15);
export const newMessageId = (): string => `m_${randomBytes(24).toString('base64url')}`;
export const newOneTimeToken = (): string => randomBytes(36).toString('base64url');
/** Subscription tokens look numeric in Meta's samples (docs/meta-platform.md §3.5). */
export const newMarketingToken = (): string => digits(17);
/** Attachment ids are numeric strings in Meta's samples ("1857777774821032"). */
export const newAttachmentId = (): string => digits(16);
export const newPageToken = (): string => `EMULATOR_PAGE_TOKEN_${randomBytes(12).toString('hex')}`;
export const newAppSecret = (): string => randomBytes(16).toString('hex');
/** Like the docs/meta-platform.md §4.5 sample "BLBz/WZt8dN". */
export const newFbtraceId = (): string => randomBytes(8).toString('base64').slice(0, 11);
/** Like the docs/meta-platform.md §3.4 sample "98ecd977-245a-4ec0-a8e0-8b8ecaad8030". */
export const newTrackingId = (): string => randomUUID();
