import type { IndexedRow } from './dedupeRows';
import { isDeliveryFailure } from './deliveryFailure';
import { compareText } from './ordering';
import type { Summarized } from './summarizeTokens';
import type { TrackedRow } from './trackedRow';
import { countSend, type MergedSend, noSends, type SendFigures, summarizeVariants, type VariantSummary } from '../variants/variantFigures';

export type CampaignSummary = { campaign: string } & SendFigures & {
	/** Per variant, when the campaign was sent with Variants (A/B). */
	variants?: VariantSummary[];
};

interface Send extends MergedSend {
	campaign: string;
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
		const send = sends.get(key) ?? { campaign: row.campaign, delivered: false, read: false, clicked: false, failed: false, variant: null, itemIndexes: [] };
		send.delivered ||= row.deliveredAt !== null || row.readAt !== null;
		send.read ||= row.readAt !== null;
		send.clicked ||= row.clickedAt !== null;
		send.failed ||= row.failedAt !== null || isDeliveryFailure(row.error);
		send.variant ??= row.variant;
		send.itemIndexes.push(itemIndex);
		sends.set(key, send);
	}
	const byCampaign = new Map<string, { entry: Summarized<CampaignSummary>; sends: Send[] }>();
	for (const send of sends.values()) {
		const campaign = byCampaign.get(send.campaign) ?? { entry: { summary: { campaign: send.campaign, ...noSends() }, itemIndexes: [] }, sends: [] };
		campaign.entry.itemIndexes.push(...send.itemIndexes);
		countSend(campaign.entry.summary, send);
		campaign.sends.push(send);
		byCampaign.set(send.campaign, campaign);
	}
	const summaries = [...byCampaign.values()].map(({ entry, sends: campaignSends }) => {
		const variants = summarizeVariants(campaignSends);
		return variants.length > 0 ? { ...entry, summary: { ...entry.summary, variants } } : entry;
	});
	return summaries.sort((a, b) => compareText(a.summary.campaign, b.summary.campaign));
}
