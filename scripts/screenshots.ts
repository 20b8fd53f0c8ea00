/**
 * `npm run screenshots`: the editor images in docs/, made again from the code as it is. Starts the
 * emulator and a throwaway n8n with the packed package (free ports, a temporary data folder), sets
 * up what `npm start` sets up, adds a small "send a picture" workflow, and photographs the editor in
 * Debian's Chromium (playwright-core): the inbox and broadcast canvases, Send Message with a binary
 * file, and the Campaign picker of OTN Broadcast's paid path. Everything it started is stopped.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import axios from 'axios';
import type { Browser, Page } from 'playwright-core';

import { DEFAULT_AD_ACCOUNT_ID, DEFAULT_APP_ID, DEFAULT_APP_SECRET, DEFAULT_PAGE_ID, DEFAULT_PAGE_TOKEN, DEFAULT_SYSTEM_USER_TOKEN, startEmulator } from '../emulator/server';
import { launchChromium } from './chromium/launchChromium';
import { renewBroadcastKey } from './demo/broadcastKey';
import { ensureDemoContent } from './demo/demoWorkflows';
import { pictureWorkflow } from './demo/pictureWorkflow';
import { DEFAULT_OWNER, packPackage, startN8n, type RunningN8n } from './n8n/harness';
import { upsertCredential } from './n8n/n8n-api';
import { createWorkflow } from './n8n/n8n-workflows';
import { repoRoot } from './n8n/runtime';

const docs = join(repoRoot, 'docs');
const VIEWPORT = { width: 1600, height: 900 };

async function signIn(page: Page, n8n: RunningN8n): Promise<void> {
	await page.goto(`${n8n.baseUrl}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"], input[type="email"]').first().fill(n8n.owner.email);
	await page.locator('input[name="password"]').fill(n8n.owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/** Opens a workflow (or one of its nodes), waits for the canvas to settle, and saves the picture. */
async function photograph(page: Page, url: string, file: string, prepare?: (page: Page) => Promise<void>): Promise<void> {
	await page.goto(url);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 30_000 });
	await page.waitForTimeout(1500);
	await page.keyboard.press('Escape'); // a first-visit notice, if any
	if (prepare) await prepare(page);
	await page.waitForTimeout(500);
	await page.screenshot({ path: join(docs, file) });
	console.log(`saved docs/${file}`);
}

async function main(): Promise<void> {
	const tarball = packPackage();
	const emulator = await startEmulator({ port: 0 });
	let n8n: RunningN8n | undefined;
	let browser: Browser | undefined;
	try {
		n8n = await startN8n({ tarball, owner: DEFAULT_OWNER });
		const pageCredential = {
			id: await upsertCredential(n8n, {
				name: 'Messenger emulator (demo Page)',
				type: 'messengerOtnPageApi',
				data: { accessToken: DEFAULT_PAGE_TOKEN, appId: DEFAULT_APP_ID, appSecret: DEFAULT_APP_SECRET, graphApiVersion: 'v25.0', graphHost: emulator.url },
			}),
			name: 'Messenger emulator (demo Page)',
		};
		const marketingName = 'Messenger emulator (demo ad account)';
		const marketingId = await upsertCredential(n8n, {
			name: marketingName,
			type: 'messengerOtnMarketingApi',
			data: { accessToken: DEFAULT_SYSTEM_USER_TOKEN, adAccountId: `act_${DEFAULT_AD_ACCOUNT_ID}`, appSecret: '', graphApiVersion: 'v25.0', graphHost: emulator.url },
		});
		for (const name of ['Spring sale', 'Summer sale', 'Black Friday']) {
			await axios.post(`${emulator.url}/v25.0/act_${DEFAULT_AD_ACCOUNT_ID}/message_campaign`, { name, lifetime_budget: 10_000, page_id: DEFAULT_PAGE_ID }, { headers: { Authorization: `Bearer ${DEFAULT_SYSTEM_USER_TOKEN}` } });
		}
		const broadcastKey = await renewBroadcastKey(n8n);
		const content = await ensureDemoContent(n8n, pageCredential, { httpHeaderAuth: broadcastKey.credential });
		const pictureId = await createWorkflow(n8n, pictureWorkflow(pageCredential));
		const paidId = await createWorkflow(n8n, {
			name: 'Paid broadcast: the Campaign picker',
			nodes: [
				{
					id: randomUUID(), name: 'OTN Broadcast', type: 'n8n-nodes-messenger-otn.otnBroadcast', typeVersion: 1, position: [0, 0],
					parameters: { sendThrough: 'paidApi', campaignId: { __rl: true, mode: 'list', value: '' }, messageType: 'text', text: 'The spring sale is on' },
					credentials: { messengerOtnMarketingApi: { id: marketingId, name: marketingName } },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});

		browser = await launchChromium();
		const page = await browser.newPage({ viewport: VIEWPORT });
		await signIn(page, n8n);
		await photograph(page, `${n8n.baseUrl}/workflow/${content.inbox.id}`, 'n8n-inbox.png');
		await photograph(page, `${n8n.baseUrl}/workflow/${content.broadcast.id}`, 'n8n-broadcast.png');
		await photograph(page, `${n8n.baseUrl}/workflow/${pictureId}`, 'n8n-binary-attachment.png', async (editor) => {
			await editor.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Send Picture' }).dblclick();
			await editor.getByText('Input Data Field Name').waitFor({ timeout: 15_000 });
		});
		await photograph(page, `${n8n.baseUrl}/workflow/${paidId}`, 'n8n-campaign-picker.png', async (editor) => {
			await editor.locator('[data-test-id="canvas-node"]').first().dblclick();
			await editor.locator('[data-test-id="rlc-input"]').first().click();
			await editor.getByText('Spring sale (active)').waitFor({ timeout: 15_000 });
		});
	} finally {
		await browser?.close();
		await n8n?.stop();
		await emulator.close();
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
