/**
 * n8n Data Tables through the public API (2.40.7):
 *   POST   /api/v1/data-tables                     create (name, columns)
 *   GET    /api/v1/data-tables/:id/rows            rows, 250 a page, with a cursor
 *   POST   /api/v1/data-tables/:id/rows            insert rows
 *   PATCH  /api/v1/data-tables/:id/rows/update     update the rows a filter matches
 *   DELETE /api/v1/data-tables/:id
 */
import { type N8nAuth, publicApi } from './rest-client';

export type DataTableColumnType = 'string' | 'number' | 'boolean' | 'date';

export interface DataTableFilter {
	type?: 'and' | 'or';
	filters: Array<{ columnName: string; condition: 'eq' | 'neq' | 'like' | 'gt' | 'gte' | 'lt' | 'lte'; value: unknown }>;
}

export async function createDataTable(
	auth: N8nAuth,
	name: string,
	columns: Array<{ name: string; type: DataTableColumnType }>,
): Promise<{ id: string; name: string }> {
	return await publicApi(auth, 'POST', '/data-tables', { name, columns });
}

export async function deleteDataTable(auth: N8nAuth, id: string): Promise<void> {
	await publicApi(auth, 'DELETE', `/data-tables/${id}`);
}

/** Every row, with n8n's own id, createdAt and updatedAt. */
export async function dataTableRows(auth: N8nAuth, id: string): Promise<Array<Record<string, unknown>>> {
	const rows: Array<Record<string, unknown>> = [];
	let cursor: string | null | undefined;
	do {
		const query = new URLSearchParams({ limit: '250', ...(cursor ? { cursor } : {}) });
		const page = await publicApi<{ data: Array<Record<string, unknown>>; nextCursor?: string | null }>(auth, 'GET', `/data-tables/${id}/rows?${query}`);
		rows.push(...page.data);
		cursor = page.nextCursor;
	} while (cursor);
	return rows;
}

export async function updateDataTableRows(auth: N8nAuth, id: string, filter: DataTableFilter, data: Record<string, unknown>): Promise<void> {
	await publicApi(auth, 'PATCH', `/data-tables/${id}/rows/update`, { filter: { type: 'and', ...filter }, data });
}

export async function insertDataTableRows(auth: N8nAuth, id: string, rows: Array<Record<string, unknown>>): Promise<void> {
	await publicApi(auth, 'POST', `/data-tables/${id}/rows`, { data: rows, returnType: 'count' });
}
