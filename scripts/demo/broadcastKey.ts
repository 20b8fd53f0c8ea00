/**
 * The Header Auth key of the broadcast templates' *Start by Webhook*: n8n refuses a call without
 * the header `X-OTN-Broadcast-Key` carrying this value, so nobody who merely guesses the webhook
 * path can start a broadcast. The demo and the end-to-end tests make one as a user would.
 */
import { randomBytes } from 'node:crypto';

import { createCredential, type NewCredential, upsertCredential } from '../n8n/n8n-api';
import type { N8nAuth } from '../n8n/rest-client';

/** The credential name the templates ship with, and the header they expect. */
export const BROADCAST_KEY_CREDENTIAL = 'OTN Broadcast Key';
export const BROADCAST_KEY_HEADER = 'X-OTN-Broadcast-Key';

export interface BroadcastKey {
	credential: { id: string; name: string };
	/** The headers a caller sends, e.g. `fetch(url, { method: 'POST', headers })`. */
	headers: Record<string, string>;
	value: string;
}

function keyCredential(name: string, value: string): NewCredential {
	return { name, type: 'httpHeaderAuth', data: { name: BROADCAST_KEY_HEADER, value } };
}

/** A new credential of that name with a fresh random value (for tests, whose names are unique). */
export async function createBroadcastKey(auth: N8nAuth, name: string): Promise<BroadcastKey> {
	const value = randomBytes(32).toString('hex');
	const credential = await createCredential(auth, keyCredential(name, value));
	return { credential, headers: { [BROADCAST_KEY_HEADER]: value }, value };
}

/** The demo's credential, created or given a fresh random value at every start. */
export async function renewBroadcastKey(auth: N8nAuth): Promise<BroadcastKey> {
	const value = randomBytes(32).toString('hex');
	const id = await upsertCredential(auth, keyCredential(BROADCAST_KEY_CREDENTIAL, value));
	return { credential: { id, name: BROADCAST_KEY_CREDENTIAL }, headers: { [BROADCAST_KEY_HEADER]: value }, value };
}
