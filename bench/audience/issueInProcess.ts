/**
 * A fresh Page with `count` subscribers who opted in to deals, issued inside the emulator this
 * benchmark runs in its own process. 100,000 of them through the control API (two HTTP calls each)
 * take minutes on a busy machine; the state calls are those the API's POST …/subscribers and
 * …/tokens make, and the token rows are built as tokenRows.ts builds them.
 */
import type { EmulatorClient } from '../../emulator/client';
import type { RunningEmulator } from '../../emulator/server';
import { subscriberOptsIn } from '../../emulator/state/subscriberActions';
import { newTokenRow } from '../../nodes/shared/tokens/newTokenRow';
import type { TokenRow } from '../../nodes/shared/tokens/tokenRow';
import { oneTimeTokenExpiresAt } from '../../nodes/shared/tokens/tokenRules';
import type { ContestantPage } from '../broadcast/tokenRows';

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
		const optedInAt = new Date(token.createdAt);
		rows.push(
			newTokenRow({
				token: token.token,
				tokenType: 'one_time',
				pageId,
				psid,
				topic: TOPIC,
				title: TITLE,
				timezone: null,
				optedInAt: optedInAt.toISOString(),
				expiresAt: oneTimeTokenExpiresAt(optedInAt),
			}),
		);
	}
	return { appId: app.appId, appSecret: app.appSecret, pageId, pageToken, rows: rows as unknown as ContestantPage['rows'] };
}
