/**
 * n8n Data Tables through the editor's /rest API, for n8n versions whose public API has no
 * data-tables routes (1.x; the compatibility matrix drives them). The tables live in the owner's
 * personal project:
 *   GET   /rest/projects/personal                           the project's id
 *   POST  /rest/projects/:projectId/data-tables             create (name, columns)
 *   GET   /rest/projects/:projectId/data-tables/:id/rows    rows, 50 a page (skip, take)
 *   PATCH /rest/projects/:projectId/data-tables/:id/rows    update the rows a filter matches
 */
import { type N8nAuth, rest } from './rest-client';

const PAGE = 50;

async function personalProjectId(auth: N8nAuth): Promise<string> {
	return (await rest<{ id: string }>(auth, 'GET', '/projects/personal')).id;
}

export async function createDataTableByRest(auth: N8nAuth, name: string, columns: Array<{ name: string; type: string }>): Promise<{ id: string; name: string }> {
	return await rest(auth, 'POST', `/projects/${await personalProjectId(auth)}/data-tables`, { name, columns });
}

export async function dataTableRowsByRest(auth: N8nAuth, id: string): Promise<Array<Record<string, unknown>>> {
	const base = `/projects/${await personalProjectId(auth)}/data-tables/${id}/rows`;
	const rows: Array<Record<string, unknown>> = [];
	for (;;) {
		const page = await rest<{ count: number; data: Array<Record<string, unknown>> }>(auth, 'GET', `${base}?skip=${rows.length}&take=${PAGE}`);
		rows.push(...page.data);
		if (page.data.length < PAGE || rows.length >= page.count) return rows;
	}
}

export async function updateDataTableRowsByRest(auth: N8nAuth, id: string, filter: unknown, data: Record<string, unknown>): Promise<void> {
	await rest(auth, 'PATCH', `/projects/${await personalProjectId(auth)}/data-tables/${id}/rows`, { filter, data });
}
