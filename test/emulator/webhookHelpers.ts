import type { AxiosInstance, AxiosResponse } from 'axios';

import { newPage, type Harness, type TestPage } from './helpers';
import type { WebhookReceiver } from './webhookReceiver';

/** Subscribing apps and Pages the way a caller does it, through the Graph API. */

/** The five fields the emulator produces events for. */
export const EMULATED_FIELDS = ['messages', 'messaging_postbacks', 'messaging_optins', 'message_deliveries', 'message_reads'];

export const appToken = (page: TestPage): string => `${page.appId}|${page.appSecret}`;

/** `POST /{app-id}/subscriptions` with the app token, as a query string (Meta's samples use a form). */
export function subscribeApp(
	graph: AxiosInstance,
	page: TestPage,
	callbackUrl: string,
	options: { fields?: string[]; verifyToken?: string; version?: string; accessToken?: string } = {},
): Promise<AxiosResponse> {
	const prefix = options.version === undefined ? '/v25.0' : options.version === '' ? '' : `/${options.version}`;
	return graph.post(`${prefix}/${page.appId}/subscriptions`, null, {
		params: {
			object: 'page',
			callback_url: callbackUrl,
			fields: (options.fields ?? EMULATED_FIELDS).join(','),
			verify_token: options.verifyToken ?? 'verify-me',
			include_values: 'true',
			access_token: options.accessToken ?? appToken(page),
		},
	});
}

/** `POST /{page-id}/subscribed_apps` with the Page token (docs/meta-platform.md §5.5). */
export function subscribePage(graph: AxiosInstance, page: TestPage, fields: string[] = EMULATED_FIELDS): Promise<AxiosResponse> {
	return graph.post(`/v25.0/${page.pageId}/subscribed_apps`, null, { params: { subscribed_fields: fields.join(','), access_token: page.pageToken } });
}

/** A fresh app and Page, subscribed at both levels to the receiver. */
export async function subscribedPage(h: Harness, receiver: WebhookReceiver, fields: string[] = EMULATED_FIELDS): Promise<TestPage> {
	const page = await newPage(h.control);
	expect((await subscribeApp(h.graph, page, receiver.url, { fields })).status).toBe(200);
	expect((await subscribePage(h.graph, page, fields)).status).toBe(200);
	return page;
}
