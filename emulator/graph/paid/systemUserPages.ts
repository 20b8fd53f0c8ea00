import type { Identity } from '../auth';
import { jsonResponse, type GraphCall, type GraphContext, type GraphResponse } from '../graphCall';
import { requestedFields } from '../params';
import { requirePermission, requireSystemUser } from './adAccountAccess';

/**
 * `GET /me/accounts` with a system user's token: the Pages it can act for (Meta's Page access
 * tokens guide lists a user's Pages this way, with `pages_show_list`). The emulator takes them to be
 * the Pages connected to the ad accounts the system user is assigned to, and answers one page of
 * them (no paging; its fixtures are small). Fields: `id`, `name`.
 */
export function systemUserPages(ctx: GraphContext, identity: Identity, call: GraphCall): GraphResponse {
	const user = requireSystemUser(identity);
	requirePermission(user, ['pages_show_list', 'pages_messaging', 'ads_management']);
	const pageIds = new Set(user.adAccountIds.flatMap((id) => ctx.state.paid.adAccounts.get(id)?.pageIds ?? []));
	const fields = requestedFields(call.params) ?? ['id', 'name'];
	const data = [...pageIds]
		.map((pageId) => ctx.state.directory.page(pageId))
		.filter((page) => page !== undefined)
		.map((page) => Object.fromEntries(Object.entries({ id: page.pageId, name: page.name }).filter(([name]) => fields.includes(name))));
	return jsonResponse(200, { data });
}
