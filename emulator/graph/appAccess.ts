import { appTokenRequired, tokenNotForThisApp, unsupportedRequest } from '../fixtures/graphErrors';
import type { AppRecord } from '../state/directory';
import type { EmulatorState } from '../state/emulatorState';
import type { Identity } from './auth';
import { GraphError } from './graphError';

/**
 * The app an app-level call acts for (docs/meta-platform.md §5.5: app token). `app` stands for the token's app.
 * An unknown id is Meta's 100/33; a Page token, or another app's token, is permission error 200.
 */
export function requireApp(state: EmulatorState, identity: Identity, method: string, pathId: string): AppRecord {
	if (pathId !== 'app' && !state.directory.app(pathId)) throw new GraphError(unsupportedRequest(method, pathId));
	if (identity.kind !== 'app') throw new GraphError(appTokenRequired());
	if (pathId !== 'app' && pathId !== identity.app.appId) throw new GraphError(tokenNotForThisApp(pathId));
	return identity.app;
}
