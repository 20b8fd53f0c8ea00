import axios, { type AxiosInstance, type AxiosResponse } from 'axios';

import { EmulatorClient } from '../../emulator/client';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/server';

/** One emulator per test file, a control client, and a Graph client that never throws on 4xx/5xx. */

export interface Harness {
	emulator: RunningEmulator;
	control: EmulatorClient;
	graph: AxiosInstance;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
	const emulator = await startEmulator({ port: 0, ...options });
	return {
		emulator,
		control: new EmulatorClient(emulator.url),
		graph: axios.create({ baseURL: emulator.url, validateStatus: () => true, timeout: 10_000 }),
	};
}

export interface TestPage {
	appId: string;
	appSecret: string;
	pageId: string;
	pageToken: string;
}

/** A fresh app with its own Page, so tests sharing one emulator never meet. */
export async function newPage(control: EmulatorClient, requireAppSecretProof = false): Promise<TestPage> {
	const app = await control.createApp({ requireAppSecretProof });
	const [page] = app.pages;
	return { appId: app.appId, appSecret: app.appSecret, pageId: page.pageId, pageToken: page.pageToken };
}

/** A subscriber who just wrote to the Page, so the 24-hour window is open. */
export async function activeSubscriber(control: EmulatorClient, pageId: string): Promise<string> {
	const { psid } = await control.createSubscriber(pageId);
	await control.sendsMessage(pageId, psid, 'hi');
	return psid;
}

export type Body = Record<string, unknown>;

/** `POST /v25.0/me/messages` with the Page token in the query string. */
export function send(graph: AxiosInstance, pageToken: string, body: Body): Promise<AxiosResponse> {
	return graph.post('/v25.0/me/messages', body, { params: { access_token: pageToken } });
}

export function textTo(psid: string, text = 'hello', extra: Body = {}): Body {
	return { recipient: { id: psid }, messaging_type: 'RESPONSE', message: { text }, ...extra };
}

export function templateTo(psid: string, payload: Body): Body {
	return { recipient: { id: psid }, messaging_type: 'RESPONSE', message: { attachment: { type: 'template', payload } } };
}

export interface ExpectedError {
	status?: number;
	code: number;
	subcode?: number;
	type?: string;
	message?: string | RegExp;
}

/** The docs/meta-platform.md §4.5 envelope with the expected code, subcode and a fresh fbtrace_id. */
export function expectGraphError(response: AxiosResponse, expected: ExpectedError): void {
	expect(response.status).toBe(expected.status ?? 400);
	const error = (response.data as { error: Record<string, unknown> }).error;
	expect(error).toBeDefined();
	expect(error.code).toBe(expected.code);
	expect(error.error_subcode).toBe(expected.subcode);
	expect(typeof error.fbtrace_id).toBe('string');
	expect(typeof error.message).toBe('string');
	expect(typeof error.type).toBe('string');
	if (expected.type) expect(error.type).toBe(expected.type);
	if (typeof expected.message === 'string') expect(error.message).toBe(expected.message);
	else if (expected.message) expect(error.message).toMatch(expected.message);
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
