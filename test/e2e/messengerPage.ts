/**
 * An emulated Meta app and Page for one e2e test, with its credential saved in the real n8n, and
 * the trigger node as a workflow declares it. Each test makes its own app, so tests never take
 * each other's webhook subscription (Meta keeps one callback URL per app).
 */
import { randomUUID } from 'node:crypto';

import axios from 'axios';

import { EmulatorClient, type AppWithPages } from '../../emulator/client';
import { createCredential } from '../../scripts/n8n/n8n-api';
import type { E2eInstance } from './e2e-instance';

export interface E2ePage {
	app: AppWithPages;
	pageId: string;
	pageToken: string;
	credential: { id: string; name: string };
	control: EmulatorClient;
}

export async function newE2ePage(n8n: E2eInstance, label: string): Promise<E2ePage> {
	const control = new EmulatorClient(n8n.emulatorUrl);
	const app = await control.createApp();
	const page = app.pages[0];
	const name = `${label} (${app.appId})`;
	const saved = await createCredential(n8n, {
		name,
		type: 'messengerOtnPageApi',
		data: {
			accessToken: page.pageToken,
			appId: app.appId,
			appSecret: app.appSecret,
			graphApiVersion: 'v25.0',
			graphHost: n8n.emulatorUrl,
		},
	});
	return { app, pageId: page.pageId, pageToken: page.pageToken, credential: { id: saved.id, name }, control };
}

/** The Messenger OTN Trigger as a workflow node, with a fixed webhook id so its URL is known. */
export function triggerNode(page: E2ePage, parameters: Record<string, unknown> = {}) {
	const webhookId = randomUUID();
	return {
		webhookId,
		node: {
			id: randomUUID(),
			name: 'Messenger OTN Trigger',
			type: 'n8n-nodes-messenger-otn.messengerOtnTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId,
			parameters: { events: ['otn_optin', 'marketing_optin'], ...parameters },
			credentials: { messengerOtnPageApi: page.credential },
		},
	};
}

export function webhookUrl(n8n: E2eInstance, webhookId: string): string {
	return `${n8n.baseUrl}/webhook/${webhookId}/webhook`;
}

/** The Page sends the one-time notification request through the Graph API, as Request OTN does. */
export async function sendOneTimeNotificationRequest(n8n: E2eInstance, page: E2ePage, psid: string, topic: string) {
	await axios.post(
		`${n8n.emulatorUrl}/v25.0/me/messages`,
		{
			recipient: { id: psid },
			messaging_type: 'RESPONSE',
			message: { attachment: { type: 'template', payload: { template_type: 'one_time_notif_req', title: `Tell me about ${topic}`, payload: topic } } },
		},
		{ headers: { Authorization: `Bearer ${page.pageToken}` } },
	);
}
