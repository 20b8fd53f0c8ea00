import { createHmac } from 'crypto';
import type { IHttpRequestOptions } from 'n8n-workflow';

/** The fields of the Messenger OTN Page API credential that authentication needs. */
export interface GraphCredentialFields {
	accessToken: string;
	appId?: string;
	appSecret?: string;
}

/**
 * Meta's `appsecret_proof`: hex HMAC-SHA256 of the access token keyed with the App secret.
 * Pages that enable "Require App Secret" refuse calls without it.
 */
export function appSecretProof(accessToken: string, appSecret: string): string {
	return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

/**
 * Calls on the app's own Graph node (`/{app-id}/...`, such as the webhook subscription) need an
 * app access token, which Meta accepts as `{app-id}|{app-secret}`; every other call (Send API,
 * `/me`, `/{page-id}/...`) authenticates as the Page. Deciding by path keeps one credential for
 * both without building auth by hand inside a node.
 */
export function isAppLevelPath(url: string, appId: string | undefined): boolean {
	if (!appId) return false;
	const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/\?.*$/, '');
	const segments = path.split('/').filter(Boolean);
	const first = /^v\d+\.\d+$/.test(segments[0] ?? '') ? segments[1] : segments[0];
	return first === appId;
}

/** The access token and proof to send for a request to `url`. */
export function graphAuthParams(
	fields: GraphCredentialFields,
	url: string,
): { accessToken: string; appsecretProof?: string } {
	const appId = fields.appId?.trim();
	const appSecret = fields.appSecret?.trim();
	const accessToken =
		appSecret && isAppLevelPath(url, appId) ? `${appId}|${appSecret}` : fields.accessToken.trim();
	return appSecret
		? { accessToken, appsecretProof: appSecretProof(accessToken, appSecret) }
		: { accessToken };
}

/** A request carrying the token in the Authorization header (never in a URL) and, when given, the proof. */
export function withGraphAuth<T extends IHttpRequestOptions>(
	request: T,
	{ accessToken, appsecretProof }: { accessToken: string; appsecretProof?: string },
): T {
	return {
		...request,
		headers: { ...request.headers, Authorization: `Bearer ${accessToken}` },
		qs: appsecretProof ? { ...request.qs, appsecret_proof: appsecretProof } : request.qs,
	};
}
