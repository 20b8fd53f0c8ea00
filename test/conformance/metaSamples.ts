/** The corpus of Meta's payloads (test/fixtures/meta/index.json) and the webhook bytes each becomes. */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import type { IDataObject } from 'n8n-workflow';

import { MessengerOtnTrigger } from '../../nodes/MessengerOtnTrigger/MessengerOtnTrigger.node';
import { MESSENGER_EVENT_TYPES } from '../../nodes/shared/webhook/messengerEvents';
import { signedPost } from '../unit/trigger/fakeWebhookContext';

export const CORPUS_DIR = join(__dirname, '../fixtures/meta');

export type SampleKind = 'webhookBody' | 'messagingEvent' | 'change' | 'paidSendAnswer' | 'errorBody' | 'sendRequest';

export interface SampleEntry {
	file: string;
	kind: SampleKind;
	shows: string;
	source: { page?: string; repository?: string; path?: string; issue?: string; commit?: string; via?: string };
	read: string;
	changes: string[];
}

export const SAMPLES = (JSON.parse(readFileSync(join(CORPUS_DIR, 'index.json'), 'utf8')) as { samples: SampleEntry[] }).samples;

/** Every payload file of the corpus, relative to its folder. */
export function corpusFiles(): string[] {
	return ['webhooks', 'answers', 'errors', 'requests'].flatMap((folder) => readdirSync(join(CORPUS_DIR, folder)).map((name) => `${folder}/${name}`));
}

export function sampleText(file: string): string {
	return readFileSync(join(CORPUS_DIR, file), 'utf8');
}

export function sampleJson<T = IDataObject>(file: string): T {
	return JSON.parse(sampleText(file)) as T;
}

function entryOf(file: string): SampleEntry {
	const entry = SAMPLES.find((sample) => sample.file === file);
	if (!entry) throw new Error(`${file} is not in index.json`);
	return entry;
}

/**
 * The bytes Meta would POST: a published webhook body as it is, or a published event (or paid
 * change) inside Meta's envelope with its own bytes untouched, under the Page it names.
 */
export function webhookBytes(file: string): string {
	const { kind } = entryOf(file);
	const text = sampleText(file).trim();
	if (kind === 'webhookBody') return text;
	const sample = JSON.parse(text) as { recipient?: { id?: unknown }; page_id?: unknown };
	const pageId = String(kind === 'change' ? sample.page_id : sample.recipient?.id);
	const list = kind === 'change' ? 'changes' : 'messaging';
	return `{"object":"page","entry":[{"id":"${pageId}","time":1458692752478,"${list}":[${text}]}]}`;
}

/** The trigger's items for raw webhook bytes, signed with the test App Secret, every event type wanted. */
export async function triggerItems(raw: string): Promise<IDataObject[]> {
	const { context, response } = signedPost(raw, { parameters: { events: [...MESSENGER_EVENT_TYPES] } });
	const result = await new MessengerOtnTrigger().webhook.call(context);
	if (response.statusCode !== undefined && response.statusCode !== 200) throw new Error(`The trigger answered ${response.statusCode}: ${response.body}`);
	return (result.workflowData?.[0] ?? []).map((item) => item.json);
}
