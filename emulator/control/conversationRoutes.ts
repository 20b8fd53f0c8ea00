import type { EmulatorState } from '../state/emulatorState';
import { notFound } from './controlError';
import type { ConversationView, PageSummary } from './controlTypes';
import { route, type ControlRoute } from './controlRoute';
import { conversationOf } from './conversation';

/** Read routes for the emulator's web page: the Pages without their secrets, and one conversation. */

function pageSummaries(state: EmulatorState): PageSummary[] {
	return state.directory.list().flatMap((app) => app.pages.map(({ pageId, name, appId }) => ({ pageId, name, appId })));
}

export const conversationRoutes: ControlRoute[] = [
	route('GET', '/pages', (state) => pageSummaries(state)),

	route('GET', '/pages/:pageId/subscribers/:psid/conversation', (state, { params }): ConversationView => {
		const [pageId, psid] = params;
		if (!state.directory.page(pageId)) throw notFound(`page ${pageId} does not exist`);
		const subscriber = state.subscribers.get(pageId, psid);
		if (!subscriber) throw notFound(`subscriber ${psid} does not exist on page ${pageId}`);
		return conversationOf(state, subscriber);
	}),
];
