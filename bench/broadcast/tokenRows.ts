/**
 * Fresh one-time tokens for one contestant: a new emulator app and Page of its own (so counts and
 * rate limits never mix), subscribers who opted in, and the token rows the OTN Token Store would
 * hold for them (built as test/contract/broadcastRows.ts builds them).
 */
import type { IDataObject } from 'n8n-workflow';

import type { EmulatorClient } from '../../emulator/client';
import { newTokenRow } from '../../nodes/shared/tokens/newTokenRow';
import type { TokenRow } from '../../nodes/shared/tokens/tokenRow';
import { oneTimeTokenExpiresAt } from '../../nodes/shared/tokens/tokenRules';

export interface ContestantPage {
	appId: string;
	appSecret: string;
	pageId: string;
	pageToken: string;
	rows: IDataObject[];
}

/** Control calls in flight at once while issuing: enough to be quick, few enough to stay polite. */
const ISSUE_CONCURRENCY = 16;

export async function pageWithTokens(control: EmulatorClient, count: number): Promise<ContestantPage> {
	const app = await control.createApp({});
	const { pageId, pageToken } = app.pages[0];
	const rows = (await issuedTokenRows(control, pageId, count)) as unknown as IDataObject[];
	return { appId: app.appId, appSecret: app.appSecret, pageId, pageToken, rows };
}

/** `count` new subscribers of the Page who opted in to deals, in the order they were issued. */
export async function issuedTokenRows(control: EmulatorClient, pageId: string, count: number): Promise<TokenRow[]> {
	const rows: TokenRow[] = new Array(count);
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const index = next++;
			rows[index] = await issuedTokenRow(control, pageId);
		}
	};
	await Promise.all(Array.from({ length: Math.min(ISSUE_CONCURRENCY, count) }, worker));
	return rows;
}

/** A new subscriber of the Page who opted in to `topic`: the emulator's one-time token as a token row. */
export async function issuedTokenRow(control: EmulatorClient, pageId: string, topic = 'deals', title = 'Deals'): Promise<TokenRow> {
	const { psid } = await control.createSubscriber(pageId);
	const issued = await control.issueToken(pageId, { psid, type: 'one_time', payload: topic, title });
	return oneTimeTokenRow({ token: issued.token, createdAt: issued.createdAt, pageId, psid, topic, title });
}

/** A one-time token the emulator issued, as the token row the capture templates would store. */
export function oneTimeTokenRow(issued: { token: string; createdAt: string | number; pageId: string; psid: string; topic: string; title: string }): TokenRow {
	const optedInAt = new Date(issued.createdAt);
	return newTokenRow({
		token: issued.token,
		tokenType: 'one_time',
		pageId: issued.pageId,
		psid: issued.psid,
		topic: issued.topic,
		title: issued.title,
		timezone: null,
		optedInAt: optedInAt.toISOString(),
		expiresAt: oneTimeTokenExpiresAt(optedInAt),
	});
}
