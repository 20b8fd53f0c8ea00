import { createHmac, timingSafeEqual } from 'crypto';

import { appSecretProofRequired, invalidAccessToken, invalidAppSecretProof, missingAccessToken } from '../fixtures/graphErrors';
import type { AppRecord, PageRecord } from '../state/directory';
import type { EmulatorState } from '../state/emulatorState';
import type { SystemUserRecord } from '../state/paid/adAccounts';
import type { GraphCall } from './graphCall';
import { GraphError } from './graphError';

/**
 * Who is calling (docs/meta-platform.md §4.1): a Page token (header `Authorization: Bearer`, or `access_token`
 * in query or body), an app token `{appId}|{appSecret}`, or a system user's token for the paid
 * API's ad-account endpoints (§3.1); `appsecret_proof` checked when given, and required when the
 * app says so.
 */

export type Identity =
	| { kind: 'page'; token: string; page: PageRecord; app: AppRecord }
	| { kind: 'app'; token: string; app: AppRecord }
	| { kind: 'systemUser'; token: string; systemUser: SystemUserRecord; app: AppRecord | undefined };

/** Whose calls these are, for the call statistics. */
export function statsKeyOf(identity: Identity): string {
	if (identity.kind === 'page') return identity.page.pageId;
	if (identity.kind === 'systemUser') return `system:${identity.systemUser.systemUserId}`;
	return `app:${identity.app.appId}`;
}

export function accessTokenOf(call: GraphCall): string | undefined {
	const header = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(call.authorization ?? '');
	if (header) return header[1];
	const param = call.params.access_token;
	return typeof param === 'string' && param !== '' ? param : undefined;
}

/** The identity a token stands for, or undefined; never throws (latency lookup uses it too). */
export function identityOf(state: EmulatorState, token: string | undefined): Identity | undefined {
	if (token === undefined) return undefined;
	const page = state.directory.pageByToken(token);
	if (page) {
		const app = state.directory.app(page.appId) as AppRecord;
		return { kind: 'page', token, page, app };
	}
	const systemUser = state.paid.adAccounts.systemUserByToken(token);
	if (systemUser) {
		return { kind: 'systemUser', token, systemUser, app: systemUser.appId === null ? undefined : state.directory.app(systemUser.appId) };
	}
	const [appId, secret, extra] = token.split('|');
	const app = extra === undefined ? state.directory.app(appId) : undefined;
	if (app && secret === app.appSecret) return { kind: 'app', token, app };
	return undefined;
}

export function authenticate(state: EmulatorState, call: GraphCall): Identity {
	const token = accessTokenOf(call);
	if (token === undefined) throw new GraphError(missingAccessToken());
	const identity = identityOf(state, token);
	if (!identity) throw new GraphError(invalidAccessToken());
	checkAppSecretProof(identity, call.params.appsecret_proof);
	return identity;
}

export function appSecretProof(token: string, appSecret: string): string {
	return createHmac('sha256', appSecret).update(token).digest('hex');
}

function checkAppSecretProof(identity: Identity, given: unknown): void {
	const { app } = identity;
	if (given === undefined || given === '') {
		if (app?.requireAppSecretProof) throw new GraphError(appSecretProofRequired());
		return;
	}
	// A system user of no known app: there is no secret to check a proof against.
	if (!app) throw new GraphError(invalidAppSecretProof());
	const expected = Buffer.from(appSecretProof(identity.token, app.appSecret), 'utf8');
	const actual = Buffer.from(String(given), 'utf8');
	if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new GraphError(invalidAppSecretProof());
}
