/**
 * The few n8n calls the tests and the demo make, on the routes n8n 2.40.7 serves:
 *   GET  /types/credentials.json, /types/nodes.json   what the editor loads (needs the auth cookie)
 *   POST /rest/credentials                              create, as the editor's Save does
 *   PATCH /rest/credentials/:id                         update (name, type, data)
 *   POST /rest/credentials/test                         the editor's "Test" / save-and-test
 *   GET  /api/v1/credentials                            public API list (owner, no secrets)
 */
import { type N8nAuth, publicApi, request, rest } from './rest-client';

export interface TypeEntry {
	name: string;
	displayName: string;
}

export async function credentialTypes(auth: N8nAuth): Promise<TypeEntry[]> {
	return (await request(auth, 'GET', '/types/credentials.json')).body as TypeEntry[];
}

export async function nodeTypes(auth: N8nAuth): Promise<TypeEntry[]> {
	return (await request(auth, 'GET', '/types/nodes.json')).body as TypeEntry[];
}

export interface NewCredential {
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export async function createCredential(auth: N8nAuth, credential: NewCredential): Promise<{ id: string; name: string }> {
	return await rest(auth, 'POST', '/credentials', credential);
}

export async function updateCredential(auth: N8nAuth, id: string, credential: NewCredential): Promise<void> {
	await rest(auth, 'PATCH', `/credentials/${id}`, credential);
}

/** Creates the credential, or updates the one of the same name, so repeated starts keep one copy. */
export async function upsertCredential(auth: N8nAuth, credential: NewCredential): Promise<string> {
	const [existing] = await findCredentialsByName(auth, credential.name);
	if (!existing) return (await createCredential(auth, credential)).id;
	await updateCredential(auth, existing.id, credential);
	return existing.id;
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** Tests a saved credential with the given data, exactly as the editor's credential modal does. */
export async function testCredential(auth: N8nAuth, id: string, credential: NewCredential): Promise<CredentialTestResult> {
	return await rest(auth, 'POST', '/credentials/test', { credentials: { id, ...credential } });
}

/** Credentials by name (public API; never includes their secrets). */
export async function findCredentialsByName(auth: N8nAuth, name: string): Promise<Array<{ id: string; name: string; type: string }>> {
	const page = await publicApi<{ data: Array<{ id: string; name: string; type: string }> }>(auth, 'GET', '/credentials?limit=250');
	return page.data.filter((credential) => credential.name === name);
}
