/**
 * The queue-mode examples in a running queue-mode n8n: the credentials they need (the Page at the
 * emulator, the token store in PostgreSQL, the key the shard webhooks ask for), the otn_tokens
 * table, and three published workflows: the PostgreSQL capture inbox, "Broadcast in shards" and
 * its shard. Shared by `npm run queue`, the queue-mode e2e test and the intake benchmark.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEFAULT_APP_ID, DEFAULT_APP_SECRET, DEFAULT_PAGE_TOKEN } from '../../emulator/config';
import { filledExample } from '../demo/exampleWorkflows';
import { createCredential } from '../n8n/n8n-api';
import { createWorkflow, publishWorkflow } from '../n8n/n8n-workflows';
import type { N8nAuth } from '../n8n/rest-client';
import { repoRoot } from '../n8n/runtime';
import { waitForWebhook } from '../n8n/wait-webhook';
import { postgresCredentialData } from '../postgres/throwawayPostgres';

export const CAPTURE_EXAMPLE = 'capture-opt-ins-postgres.json';
export const SPLIT_EXAMPLE = 'broadcast-in-shards.json';
export const SHARD_EXAMPLE = 'broadcast-shard-postgres.json';
const TRIGGER = 'Messenger OTN Trigger';
const SPLIT_WEBHOOK = 'Start by Webhook';
const SHARD_WEBHOOK = 'Shard Start';
/** The header the shard webhooks require; its value is made per instance. */
export const SHARD_KEY_HEADER = 'X-OTN-Shard-Key';

export interface TokenStoreDatabase {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
}

export interface QueueContentOptions {
	/** The main process (editor and APIs). */
	main: N8nAuth;
	/** Where production webhooks are served: the webhook process (or its load balancer). */
	webhookBaseUrl: string;
	emulatorUrl: string;
	tokenStore: TokenStoreDatabase;
	/** Runs SQL in the token store's database (the otn_tokens table is created with it). */
	queryTokenStore(sql: string): string;
	/** Whether the inbox subscribes the emulator's app when published (the demo) or not (tests post signed webhooks themselves). */
	subscribeOnActivation: boolean;
	/** The shard workflow the coordinator starts: broadcast-shard-postgres.json unless told (e.g. the shard in pages). */
	shardExample?: string;
}

export interface QueueContent {
	appSecret: string;
	capture: { id: string; url: string };
	split: { id: string; url: string };
	shard: { id: string; url: string };
	/** The header the split and shard webhooks require, value included: keep it out of logs. */
	shardKey: { name: string; value: string };
}

export async function createQueueContent(options: QueueContentOptions): Promise<QueueContent> {
	const { main } = options;
	options.queryTokenStore(readFileSync(join(repoRoot, 'examples', 'otn-tokens.postgres.sql'), 'utf8'));

	const pageCredential = await createCredential(main, {
		name: 'Messenger emulator (queue-mode Page)',
		type: 'messengerOtnPageApi',
		data: { accessToken: DEFAULT_PAGE_TOKEN, appId: DEFAULT_APP_ID, appSecret: DEFAULT_APP_SECRET, graphApiVersion: 'v25.0', graphHost: options.emulatorUrl },
	});
	const postgres = await createCredential(main, {
		name: 'Token store (PostgreSQL)',
		type: 'postgres',
		data: postgresCredentialData(options.tokenStore),
	});
	const shardKey = { name: SHARD_KEY_HEADER, value: randomBytes(24).toString('hex') };
	const headerAuth = await createCredential(main, { name: 'OTN Shard Key', type: 'httpHeaderAuth', data: shardKey });
	const credentials = { postgres, httpHeaderAuth: headerAuth };

	const triggerWebhookId = randomUUID();
	const capture = filledExample(CAPTURE_EXAMPLE, { pageCredential, credentials, webhookIds: { [TRIGGER]: triggerWebhookId } });
	if (!options.subscribeOnActivation) {
		const trigger = capture.nodes.find((node) => node.name === TRIGGER)!;
		trigger.parameters = { ...trigger.parameters, subscribeOnActivation: false, verifyToken: randomBytes(8).toString('hex') };
	}
	const split = filledExample(SPLIT_EXAMPLE, { pageCredential, credentials });
	const shard = filledExample(options.shardExample ?? SHARD_EXAMPLE, { pageCredential, credentials });
	const splitPath = String(split.nodes.find((node) => node.name === SPLIT_WEBHOOK)!.parameters.path);
	const shardPath = String(shard.nodes.find((node) => node.name === SHARD_WEBHOOK)!.parameters.path);
	// The coordinator starts each shard at the webhook process, as a load balancer would route it.
	const settings = split.nodes.find((node) => node.name === 'Broadcast Settings')!;
	settings.parameters = JSON.parse(
		JSON.stringify(settings.parameters).replace('http://127.0.0.1:5679/webhook/broadcast-shard', `${options.webhookBaseUrl}/webhook/${shardPath}`),
	);

	const paths = { capture: `${triggerWebhookId}/webhook`, split: splitPath, shard: shardPath };
	const ids = {
		capture: await createWorkflow(main, capture),
		split: await createWorkflow(main, split),
		shard: await createWorkflow(main, shard),
	};
	for (const id of Object.values(ids)) await publishWorkflow(main, id);
	for (const path of Object.values(paths)) await waitForWebhook(options.webhookBaseUrl, path);

	const url = (path: string) => `${options.webhookBaseUrl}/webhook/${path}`;
	return {
		appSecret: DEFAULT_APP_SECRET,
		capture: { id: ids.capture, url: url(paths.capture) },
		split: { id: ids.split, url: url(paths.split) },
		shard: { id: ids.shard, url: url(paths.shard) },
		shardKey,
	};
}

export interface BroadcastRequest {
	campaign: string;
	topic: string;
	text: string;
	ratePerSecond: number;
	shardCount: number;
}

/** Starts "Broadcast in shards" as a script or a scheduler would: one POST with the shard key. */
export async function startShardedBroadcast(content: QueueContent, request: BroadcastRequest): Promise<void> {
	const response = await fetch(content.split.url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', [content.shardKey.name]: content.shardKey.value },
		body: JSON.stringify(request),
	});
	const text = await response.text();
	if (response.status !== 200) throw new Error(`Starting the broadcast answered ${response.status}: ${text.slice(0, 200)}`);
}
