import { pageTokenRequired, tokenNotForThisPage, unsupportedRequest } from '../fixtures/graphErrors';
import type { PageRecord } from '../state/directory';
import type { EmulatorState } from '../state/emulatorState';
import type { Identity } from './auth';
import { GraphError } from './graphError';

/**
 * The Page a Page-level call acts for: `me` is the token's Page; an explicit id must be that same
 * Page. Another known Page's id is a permission error (200); an unknown id is Meta's 100/33.
 */
export function requirePage(state: EmulatorState, identity: Identity, method: string, pathId: string): PageRecord {
	if (pathId !== 'me' && !state.directory.page(pathId)) {
		throw new GraphError(unsupportedRequest(method, pathId));
	}
	if (identity.kind !== 'page') throw new GraphError(pageTokenRequired());
	if (pathId !== 'me' && pathId !== identity.page.pageId) throw new GraphError(tokenNotForThisPage(pathId));
	return identity.page;
}
