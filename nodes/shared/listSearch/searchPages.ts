import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { createMarketingClient } from '../graph/marketingClient';
import { graphCallError } from '../graph/graphNodeError';

const PAGE_SIZE = 50;

interface PageListBody {
	data?: Array<{ id?: string; name?: string }>;
	paging?: { cursors?: { after?: string }; next?: string };
}

/**
 * The Pages the Marketing API credential's system user can act for, for the Page pickers of the
 * campaign operations: `GET /me/accounts` (a user's Pages, Meta's Page access tokens guide; needs
 * `pages_show_list`). The filter the user types narrows the page by name or ID.
 */
export async function searchPages(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const client = await createMarketingClient(this);
	const qs: Record<string, string | number> = { fields: 'id,name', limit: PAGE_SIZE };
	if (paginationToken) qs.after = paginationToken;
	const result = await client.call<PageListBody>('GET', '/me/accounts', { qs });
	if (!result.ok) throw graphCallError(this.getNode(), result.error);
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = (result.body.data ?? [])
		.filter((page) => page.id)
		.map((page) => ({ name: page.name ? `${page.name} (${page.id})` : String(page.id), value: String(page.id) }))
		.filter((page) => !wanted || page.name.toLowerCase().includes(wanted));
	return { results, paginationToken: result.body.paging?.next ? result.body.paging.cursors?.after : undefined };
}
