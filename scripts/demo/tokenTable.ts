/**
 * The Data Table the example workflows read and write: the token row's columns, dates as date
 * columns (a Data Table date column takes the nodes' ISO text and refuses an empty string).
 */
import { TOKEN_ROW_COLUMNS, TOKEN_ROW_DATE_COLUMNS } from '../../nodes/shared/tokens/tokenRow';
import { createDataTable, type DataTableColumnType } from '../n8n/n8n-data-tables';
import { type N8nAuth, publicApi } from '../n8n/rest-client';

/** The name the examples use. */
export const TOKEN_TABLE_NAME = 'otn_tokens';

export function tokenTableColumns(): Array<{ name: string; type: DataTableColumnType }> {
	const dates: readonly string[] = TOKEN_ROW_DATE_COLUMNS;
	return TOKEN_ROW_COLUMNS.map((name) => ({ name, type: dates.includes(name) ? 'date' : 'string' }));
}

export async function createTokenTable(auth: N8nAuth, name = TOKEN_TABLE_NAME): Promise<{ id: string; name: string }> {
	return await createDataTable(auth, name, tokenTableColumns());
}

export async function findDataTable(auth: N8nAuth, name: string): Promise<{ id: string; name: string } | undefined> {
	const filter = encodeURIComponent(JSON.stringify({ name }));
	const page = await publicApi<{ data: Array<{ id: string; name: string }> }>(auth, 'GET', `/data-tables?filter=${filter}&limit=250`);
	return page.data.find((table) => table.name === name);
}

/** The table of that name, created when absent, so a second start keeps the first one's table. */
export async function ensureTokenTable(auth: N8nAuth, name = TOKEN_TABLE_NAME): Promise<{ id: string; name: string; created: boolean }> {
	const existing = await findDataTable(auth, name);
	if (existing) return { ...existing, created: false };
	return { ...(await createTokenTable(auth, name)), created: true };
}

/** Removes every row, keeping the table. */
export async function clearTokenTable(auth: N8nAuth, id: string): Promise<number> {
	const answer = await publicApi<{ deletedCount?: number }>(auth, 'DELETE', `/data-tables/${id}/rows/clear`);
	return answer?.deletedCount ?? 0;
}
