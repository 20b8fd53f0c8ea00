/**
 * A fresh Page with `count` subscribers who opted in to deals, issued inside the emulator this
 * benchmark runs in its own process. 100,000 of them through the control API (two HTTP calls each)
 * take minutes on a busy machine; the state calls are those the API's POST …/subscribers and
 * …/tokens make, and the token rows are built by tokenRows.ts.
 */
import type { EmulatorClient } from '../../emulator/client';
import type { RunningEmulator } from '../../emulator/server';
import { subscriberOptsIn } from '../../emulator/state/subscriberActions';
import type { TokenRow } from '../../nodes/shared/tokens/tokenRow';
import { type ContestantPage, oneTimeTokenRow } from '../broadcast/tokenRows';

const TOPIC = 'deals';
const TITLE = 'Deals';

export async function pageWithTokensInProcess(control: EmulatorClient, emulator: RunningEmulator, count: number): Promise<ContestantPage> {
	const app = await control.createApp({});
	const { pageId, pageToken } = app.pages[0];
	const { state } = emulator;
	const rows: TokenRow[] = [];
	for (let index = 0; index < count; index++) {
		const { psid } = state.subscribers.create(pageId, {}, state.clock.now());
		const { token } = subscriberOptsIn(state, { pageId, psid, type: 'one_time', payload: TOPIC, title: TITLE });
		rows.push(oneTimeTokenRow({ token: token.token, createdAt: token.createdAt, pageId, psid, topic: TOPIC, title: TITLE }));
	}
	return { appId: app.appId, appSecret: app.appSecret, pageId, pageToken, rows: rows as unknown as ContestantPage['rows'] };
}
