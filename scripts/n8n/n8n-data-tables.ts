/**
 * n8n Data Tables through the public API (2.40.7):
 *   POST   /api/v1/data-tables                     create (name, columns)
 *   GET    /api/v1/data-tables/:id/rows            rows, 250 a page, with a cursor
 *   POST   /api/v1/data-tables/:id/rows            insert rows
 *   PATCH  /api/v1/data-tables/:id/rows/update     update the rows a filter matches
 *   DELETE /api/v1/data-tables/:id
 * Where the public API has no such routes (n8n 1.x answers 404 or 405), create, rows and update go through
 * the editor's /rest API instead (n8n-data-tables-rest.ts).
 */
import { createDataTableByRest, dataTableRowsByRest, updateDataTableRowsByRest } from './n8n-data-tables-rest';
import { type N8nAuth, N8nHttpError, publicApi } from './rest-client';

/** The public API's answer, or the /rest fallback's where the public API does not know the route. */
async function publicOrRest<T>(viaPublicApi: () => Promise<T>, viaRest: () => Promise<T>): Promise<T> {
	try {
		return await viaPublicApi();
	} catch (error) {
		const unknownRoute = error instanceof N8nHttpError && (error.status === 404 || error.status === 405) && error.path.startsWith('/api/v1/data-tables');
		if (!unknownRoute) throw error;
		return await viaRest();
	}
}

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
	return await publicOrRest(
		() => publicApi(auth, 'POST', '/data-tables', { name, columns }),
		() => createDataTableByRest(auth, name, columns),
	);
}

export async function deleteDataTable(auth: N8nAuth, id: string): Promise<void> {
	await publicApi(auth, 'DELETE', `/data-tables/${id}`);
}

/** Every row, with n8n's own id, createdAt and updatedAt. */
export async function dataTableRows(auth: N8nAuth, id: string): Promise<Array<Record<string, unknown>>> {
	return await publicOrRest(
		() => dataTableRowsByPublicApi(auth, id),
		() => dataTableRowsByRest(auth, id),
	);
}

async function dataTableRowsByPublicApi(auth: N8nAuth, id: string): Promise<Array<Record<string, unknown>>> {
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
	const fullFilter = { type: 'and', ...filter };
	await publicOrRest(
		() => publicApi(auth, 'PATCH', `/data-tables/${id}/rows/update`, { filter: fullFilter, data }),
		() => updateDataTableRowsByRest(auth, id, fullFilter, data),
	);
}

export async function insertDataTableRows(auth: N8nAuth, id: string, rows: Array<Record<string, unknown>>): Promise<void> {
	await publicApi(auth, 'POST', `/data-tables/${id}/rows`, { data: rows, returnType: 'count' });
}
