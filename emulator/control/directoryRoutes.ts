import { newAppSecret, newNumericId, newPageToken } from '../core/ids';
import type { EmulatorPageConfig } from '../config';
import { optionalString } from './bodyFields';
import { badRequest } from './controlError';
import { route, type ControlRoute } from './controlRoute';

/** Apps and Pages: list them, add more (ids, secrets and tokens generated when not given). */

function pageConfig(body: Record<string, unknown>): EmulatorPageConfig {
	return {
		pageId: optionalString(body, 'pageId') ?? newNumericId(),
		pageToken: optionalString(body, 'pageToken') ?? newPageToken(),
		name: optionalString(body, 'name'),
	};
}

export const directoryRoutes: ControlRoute[] = [
	route('GET', '/apps', (state) => state.directory.list()),

	// Without `pages`, the app gets one generated Page.
	route('POST', '/apps', (state, { body }) => {
		const pages = body.pages === undefined ? [{}] : body.pages;
		if (!Array.isArray(pages)) throw badRequest('pages must be an array');
		return state.directory.addAppWithPages({
			appId: optionalString(body, 'appId') ?? newNumericId(),
			appSecret: optionalString(body, 'appSecret') ?? newAppSecret(),
			requireAppSecretProof: body.requireAppSecretProof === true,
			pages: pages.map((page: unknown) => pageConfig(typeof page === 'object' && page !== null ? (page as Record<string, unknown>) : {})),
		});
	}),

	route('POST', '/apps/:appId/pages', (state, { params, body }) => state.directory.addPage(params[0], pageConfig(body))),
];
