/**
 * Headless first-run setup: the owner account (POST /rest/owner/setup on a fresh instance, else
 * POST /rest/login) and a public-API key (POST /rest/api-keys with every scope the owner may grant,
 * as listed by GET /rest/api-keys/scopes).
 */
import { authCookie, type N8nAuth, N8nHttpError, request, rest } from './rest-client';

export interface OwnerAccount {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** Creates the owner on a fresh instance, or logs in when it already has one; returns the auth cookie. */
export async function ownerSession(baseUrl: string, owner: OwnerAccount): Promise<string> {
	try {
		const { setCookies } = await request({ baseUrl }, 'POST', '/rest/owner/setup', owner);
		return authCookie(setCookies);
	} catch (error) {
		// A kept user folder from an earlier start already has its owner.
		if (!(error instanceof N8nHttpError) || !error.body.includes('Instance owner already setup')) throw error;
	}
	const { setCookies } = await request({ baseUrl }, 'POST', '/rest/login', {
		emailOrLdapLoginId: owner.email,
		password: owner.password,
	});
	return authCookie(setCookies);
}

interface ApiKeyEntry {
	id: string;
	label: string;
}

/** A fresh API key with all the owner's scopes; an older key with the same label is deleted first. */
export async function createApiKey(baseUrl: string, cookie: string, label: string): Promise<string> {
	const auth: N8nAuth = { baseUrl, cookie };
	const query = new URLSearchParams({ ownership: 'mine', label, take: '250' });
	// n8n 2.x answers a page ({ items }); 1.x the bare list.
	const existing = await rest<{ items: ApiKeyEntry[] } | ApiKeyEntry[]>(auth, 'GET', `/api-keys?${query}`);
	const keys = Array.isArray(existing) ? existing : existing.items;
	for (const key of keys.filter((entry) => entry.label === label)) {
		await rest(auth, 'DELETE', `/api-keys/${key.id}`);
	}
	const scopes = await rest<string[]>(auth, 'GET', '/api-keys/scopes');
	const created = await rest<{ rawApiKey: string }>(auth, 'POST', '/api-keys', { label, scopes, expiresAt: null });
	return created.rawApiKey;
}
