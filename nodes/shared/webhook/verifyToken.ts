import { createHmac } from 'crypto';

import { constantTimeEqual } from '../constantTime';

/**
 * The verify token of Meta's subscription handshake. A token the user set wins; otherwise it is
 * derived from the App secret and the node's webhook id, so every trigger of every install has
 * its own, and nobody can compute it from the callback URL.
 */
export function expectedVerifyToken(configured: string, appSecret: string, webhookId: string): string {
	const token = configured.trim();
	if (token) return token;
	return createHmac('sha256', appSecret).update(`messenger-otn-verify:${webhookId}`).digest('hex').slice(0, 40);
}

export interface HandshakeQuery {
	'hub.mode'?: unknown;
	'hub.verify_token'?: unknown;
	'hub.challenge'?: unknown;
}

/** The challenge to echo, or undefined when the handshake must be refused. */
export function handshakeChallenge(query: HandshakeQuery, expectedToken: string): string | undefined {
	const challenge = query['hub.challenge'];
	const token = query['hub.verify_token'];
	if (query['hub.mode'] !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string') return undefined;
	if (!challenge || !constantTimeEqual(token, expectedToken)) return undefined;
	return challenge;
}
