import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { createMarketingClient } from '../graph/marketingClient';
import { graphCallError } from '../graph/graphNodeError';

/** One page of Meta's list; the editor asks for the next with the cursor it gets back. */
const PAGE_SIZE = 50;

interface CampaignListBody {
	data?: Array<{ id?: string; name?: string; effective_status?: string }>;
	paging?: { cursors?: { after?: string }; next?: string };
}

/**
 * The campaigns of the Marketing API credential's ad account, for the Campaign pickers:
 * `GET /act_<id>/campaigns` (the ad account's campaigns edge; Meta documents no edge that lists
 * message campaigns alone). The filter the user types narrows the page by name or ID.
 */
export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const client = await createMarketingClient(this);
	const qs: Record<string, string | number> = { fields: 'id,name,effective_status', limit: PAGE_SIZE };
	if (paginationToken) qs.after = paginationToken;
	const result = await client.call<CampaignListBody>('GET', `/act_${encodeURIComponent(client.adAccountId)}/campaigns`, { qs });
	if (!result.ok) throw graphCallError(this.getNode(), result.error);
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = (result.body.data ?? [])
		.filter((campaign) => campaign.id)
		.map((campaign) => ({
			name: `${campaign.name || campaign.id}${campaign.effective_status ? ` (${campaign.effective_status.toLowerCase()})` : ''}`,
			value: String(campaign.id),
		}))
		.filter((campaign) => !wanted || campaign.name.toLowerCase().includes(wanted) || campaign.value.includes(wanted));
	const next = result.body.paging?.next ? result.body.paging.cursors?.after : undefined;
	return { results, paginationToken: next };
}
