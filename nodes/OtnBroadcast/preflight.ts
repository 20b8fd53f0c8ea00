import { sleep } from 'n8n-workflow';

import { unusableAccountReason } from '../shared/graph/adAccountStates';
import { classifyGraphError, type Classification, type RecipientKind } from '../shared/graph/errorTable';
import type { GraphClient, GraphResult } from '../shared/graph/graphClient';
import type { GraphError } from '../shared/graph/graphError';
import type { MarketingClient } from '../shared/graph/marketingClient';

/** The credential works: for the Send API, `pageId` is the Page its token speaks for. */
export type PreflightResult = { ok: true; pageId?: string } | { ok: false; failure: { error: GraphError } & Classification };

const ATTEMPTS = 3;
const RETRY_DELAY_MS = 1000;

/** A check that failed: always a stop, since nothing may be sent with a credential Meta refuses. */
function stopped(error: GraphError, checked: string, caller: RecipientKind): PreflightResult {
	const { errorClass, meaning } = classifyGraphError(error, caller);
	return {
		ok: false,
		failure: {
			error,
			errorClass: 'stop',
			meaning: errorClass === 'stop' ? meaning : `Meta refused the check of the credential before the first send (${checked}): ${meaning}`,
		},
	};
}

/** One read, tried again on an answer that may change (rate limit, server error, time-out). */
async function readWithRetries<T>(read: () => Promise<GraphResult<T>>): Promise<GraphResult<T>> {
	let result = await read();
	for (let attempt = 1; attempt < ATTEMPTS && !result.ok; attempt++) {
		const { errorClass } = classifyGraphError(result.error, 'none');
		if (errorClass !== 'transient' && errorClass !== 'throttled') break;
		await sleep(RETRY_DELAY_MS * attempt);
		result = await read();
	}
	return result;
}

/**
 * Before the first send: `GET /me` with the Page credential, signed like every send (Bearer token
 * and appsecret_proof), proves the token, the App Secret and the Graph Host, and names the Page the
 * token speaks for. A wrong secret, token or host stops here, before any row is touched.
 */
export async function preflightSendApi(client: GraphClient): Promise<PreflightResult> {
	const result = await readWithRetries(() => client.call<{ id?: unknown }>('GET', '/me', { qs: { fields: 'id,name' } }));
	if (!result.ok) return stopped(result.error, 'GET /me', 'none');
	const pageId = result.body?.id;
	if (typeof pageId !== 'string' && typeof pageId !== 'number') {
		return stopped({ httpStatus: result.status, message: 'GET /me answered without an id' }, 'GET /me', 'none');
	}
	return { ok: true, pageId: String(pageId) };
}

/**
 * Before the first paid send: the ad account, read with the Marketing credential, proves the system
 * user's token, the App Secret, the ad account and the Graph Host, and that the account can pay.
 */
export async function preflightPaidApi(client: MarketingClient): Promise<PreflightResult> {
	const checked = `GET act_${client.adAccountId}`;
	const result = await readWithRetries(() =>
		client.call<{ account_status?: unknown }>('GET', `/act_${encodeURIComponent(client.adAccountId)}`, { qs: { fields: 'id,name,account_status' } }),
	);
	if (!result.ok) return stopped(result.error, checked, 'adAccount');
	const unusable = unusableAccountReason(result.body?.account_status);
	if (unusable) {
		return { ok: false, failure: { error: { httpStatus: result.status, message: unusable }, errorClass: 'stop', meaning: unusable } };
	}
	return { ok: true };
}
