import type { IndexedRow } from './dedupeRows';
import { isDeliveryFailure } from './deliveryFailure';
import { compareText } from './ordering';
import type { Summarized } from './summarizeTokens';
import type { TrackedRow } from './trackedRow';

export type CampaignSummary = {
	campaign: string;
	sent: number;
	delivered: number;
	read: number;
	clicked: number;
	/** Paid messages Meta could not deliver (docs/meta-platform.md §3.5). */
	failed: number;
};

interface Send {
	campaign: string;
	delivered: boolean;
	read: boolean;
	clicked: boolean;
	failed: boolean;
	itemIndexes: number[];
}

/**
 * Sent, delivered, read, clicked and failed per campaign, from send log rows or token rows (each
 * holds its last send) or both: one send (campaign and tokenId) counts once wherever it appears,
 * and is delivered, read or failed if any copy says so. Rows never sent in a campaign count nowhere.
 */
export function summarizeCampaigns(rows: Array<IndexedRow<TrackedRow>>): Array<Summarized<CampaignSummary>> {
	const sends = new Map<string, Send>();
	for (const { row, itemIndex } of rows) {
		if (row.campaign === null || row.sentAt === null) continue;
		const key = JSON.stringify([row.campaign, row.tokenId]);
		const send = sends.get(key) ?? { campaign: row.campaign, delivered: false, read: false, clicked: false, failed: false, itemIndexes: [] };
		send.delivered ||= row.deliveredAt !== null || row.readAt !== null;
		send.read ||= row.readAt !== null;
		send.clicked ||= row.clickedAt !== null;
		send.failed ||= row.failedAt !== null || isDeliveryFailure(row.error);
		send.itemIndexes.push(itemIndex);
		sends.set(key, send);
	}
	const byCampaign = new Map<string, Summarized<CampaignSummary>>();
	for (const send of sends.values()) {
		const entry = byCampaign.get(send.campaign) ?? {
			summary: { campaign: send.campaign, sent: 0, delivered: 0, read: 0, clicked: 0, failed: 0 },
			itemIndexes: [],
		};
		entry.itemIndexes.push(...send.itemIndexes);
		entry.summary.sent++;
		entry.summary.delivered += Number(send.delivered);
		entry.summary.read += Number(send.read);
		entry.summary.clicked += Number(send.clicked);
		entry.summary.failed += Number(send.failed && !send.delivered);
		byCampaign.set(send.campaign, entry);
	}
	return [...byCampaign.values()].sort((a, b) => compareText(a.summary.campaign, b.summary.campaign));
}
