import type { IDataObject } from 'n8n-workflow';

/**
 * A token row for reading: who subscribed to what, and whether and when they can be messaged. The
 * token itself is left out, so a simplified list can be shared without handing out permissions.
 * Not for writing to a store: a store needs the whole row.
 */
const KEPT = ['tokenId', 'pageId', 'psid', 'title', 'status', 'optedInAt', 'nextEligibleAt', 'timezone'];

export function simplifyTokenRow(row: IDataObject): IDataObject {
	return Object.fromEntries(KEPT.map((field) => [field, row[field] ?? null]));
}
