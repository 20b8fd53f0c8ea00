/**
 * The token store's templates in a real n8n: a Page credential, an inbox workflow made from an
 * examples/ template (its trigger served at a known URL, no Meta subscription needed), and
 * Meta-shaped webhooks signed with the App secret, delivered one after another.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { postAsMeta } from '../../emulator/webhooks/postAsMeta';
import { createCredential } from '../../scripts/n8n/n8n-api';
import { createWorkflow, type Execution, publishWorkflow, waitForExecutions, type WorkflowDefinition } from '../../scripts/n8n/n8n-workflows';
import { repoRoot } from '../../scripts/n8n/runtime';
import { optInBody } from '../../scripts/queue/optInLoad';
import { waitForWebhook } from '../../scripts/n8n/wait-webhook';
import type { E2eInstance } from './e2e-instance';

export const PAGE_ID = '200000000000001';
const TRIGGER = 'Messenger OTN Trigger';

interface TemplateNode {
	name: string;
	type: string;
	webhookId?: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

export interface Inbox {
	workflowId: string;
	url: string;
	appSecret: string;
	/** Executions so far, so each delivery waits for its own. */
	delivered: number;
}

/** Meta's tokens are long opaque strings. */
export function metaToken(label: string): string {
	return `AQ${label}${randomBytes(48).toString('base64url')}`;
}

export function loadTemplate(file: string): WorkflowDefinition & { nodes: TemplateNode[] } {
	return JSON.parse(readFileSync(join(repoRoot, 'examples', file), 'utf8'));
}

/**
 * Creates and publishes the template's workflow. The trigger gets a fixed webhookId and its own
 * verify token and does not subscribe on activation; credentials of other types (Postgres) are
 * filled in by type.
 */
export async function publishInbox(
	n8n: E2eInstance,
	file: string,
	credentials: Record<string, { id: string; name: string }> = {},
): Promise<Inbox> {
	const template = loadTemplate(file);
	const appSecret = randomBytes(16).toString('hex');
	const pageCredential = await createCredential(n8n, {
		name: `Token store e2e ${randomUUID()}`,
		type: 'messengerOtnPageApi',
		data: { accessToken: 'PAGE-TOKEN', appId: '1001', appSecret, graphApiVersion: 'v25.0', graphHost: n8n.emulatorUrl },
	});
	const webhookId = randomUUID();
	const allCredentials: Record<string, { id: string; name: string }> = { ...credentials, messengerOtnPageApi: pageCredential };
	for (const node of template.nodes) {
		if (node.credentials) {
			node.credentials = Object.fromEntries(Object.keys(node.credentials).map((type) => [type, allCredentials[type]]));
		}
		if (node.name === TRIGGER) {
			node.webhookId = webhookId;
			node.parameters = { ...node.parameters, subscribeOnActivation: false, verifyToken: randomBytes(8).toString('hex') };
		}
	}
	const workflowId = await createWorkflow(n8n, { ...template, name: `${template.name} (${webhookId})` });
	await publishWorkflow(n8n, workflowId);
	const url = `${n8n.baseUrl}/webhook/${webhookId}/webhook`;
	await waitForWebhook(n8n.baseUrl, `${webhookId}/webhook`);
	return { workflowId, url, appSecret, delivered: 0 };
}

/** Delivers each body, waiting for its execution to finish before the next; returns them. */
export async function deliverInOrder(n8n: E2eInstance, inbox: Inbox, bodies: string[]): Promise<Execution[]> {
	const finished: Execution[] = [];
	for (const body of bodies) {
		expect(await postAsMeta(inbox.url, body, inbox.appSecret)).toBe(200);
		inbox.delivered++;
		const all = await waitForExecutions(n8n, inbox.workflowId, inbox.delivered);
		expect(all).toHaveLength(inbox.delivered);
		finished.push(all[0]);
	}
	return finished;
}

function envelope(event: Record<string, unknown>, time: number): string {
	return JSON.stringify({ object: 'page', entry: [{ id: PAGE_ID, time, messaging: [event] }] });
}

const party = (psid: string, time: number) => ({ sender: { id: psid }, recipient: { id: PAGE_ID }, timestamp: time });

/** A Notify Me tap (docs/meta-platform.md §1.4). */
export function oneTimeOptIn(psid: string, topic: string, token: string, time: number): string {
	return optInBody(PAGE_ID, psid, topic, token, time);
}

/** A marketing messages opt-in, or its stop (docs/meta-platform.md §2.3). */
export function marketingOptIn(psid: string, topic: string, token: string, time: number, status?: 'STOP NOTIFICATIONS'): string {
	const optin = { type: 'notification_messages', payload: topic, title: `News on ${topic}`, notification_messages_token: token, notification_messages_timezone: 'Europe/Paris' };
	return envelope({ ...party(psid, time), optin: status ? { ...optin, notification_messages_status: status } : optin }, time);
}

/** The subscriber read everything up to `watermark` (docs/meta-platform.md §5.2). */
export function readUpTo(psid: string, watermark: number, time: number): string {
	return envelope({ ...party(psid, time), read: { watermark } }, time);
}
