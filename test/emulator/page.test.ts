import { mkdirSync } from 'fs';
import { join } from 'path';

import type { Browser, Locator, Page } from 'playwright-core';

import { DEFAULT_APP_SECRET, DEFAULT_PAGE_ID, DEFAULT_PAGE_TOKEN } from '../../emulator/server';
import { send, startHarness, templateTo, type Harness } from './helpers';
import { launchChromium } from '../../scripts/chromium/launchChromium';

/**
 * The emulator's web page in headless Chromium, used as a person would: add a subscriber, watch the
 * Page's opt-in request arrive, tap it, watch the promotion arrive. Saves a screenshot.
 */

const SCREENSHOT = join(__dirname, '..', '..', 'test-output', 'emulator-page.png');

describe('the emulator web page', () => {
	let h: Harness;
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		h = await startHarness();
		browser = await launchChromium();
		page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		page.setDefaultTimeout(10_000);
		await page.goto(`${h.emulator.url}/`);
	}, 300_000);

	afterAll(async () => {
		await browser?.close();
		await h?.emulator.close();
	});

	const conversation = (): Locator => page.getByRole('log');
	const tokens = (): Locator => page.getByRole('table', { name: /Tokens/ });

	/** The subscriber's PSID; the page shows it shortened, the Graph API needs all of it. */
	async function psidOf(name: string): Promise<string> {
		const subscriber = (await h.control.subscribers(DEFAULT_PAGE_ID)).find((record) => record.name === name);
		if (!subscriber) throw new Error(`no subscriber named ${name}`);
		return subscriber.psid;
	}

	it('follows one subscriber from the opt-in request to the promotion', async () => {
		await expectVisible(page.getByRole('heading', { name: 'Messenger emulator' }));
		expect(await page.getByRole('combobox', { name: 'Page' }).locator('option:checked').textContent()).toContain('Emulated Page');

		await page.getByRole('textbox', { name: 'Name' }).fill('Ada Lovelace');
		await page.getByRole('button', { name: 'Add subscriber' }).click();
		await expectVisible(page.getByRole('button', { name: /Ada Lovelace/ }));
		await expectVisible(page.getByRole('heading', { name: 'Conversation with Ada Lovelace' }));

		// The subscriber taps the Page's postback, which opens the 24-hour window.
		await page.getByRole('textbox', { name: 'Postback payload' }).fill('DEALS');
		await page.getByRole('textbox', { name: 'Button title' }).fill('Notify me about deals');
		await page.getByRole('button', { name: 'Tap postback' }).click();
		await expectVisible(conversation().getByText('Notify me about deals'));
		await expectVisible(page.getByText(/24-hour window open/));

		// The Page answers with the one-time notification request, through the Graph API.
		const psid = await psidOf('Ada Lovelace');
		const request = await send(h.graph, DEFAULT_PAGE_TOKEN, templateTo(psid, { template_type: 'one_time_notif_req', title: 'Tell me about deals', payload: 'deals' }));
		expect(request.status).toBe(200);
		const optInRequest = conversation().getByRole('group', { name: 'Opt-in request: Tell me about deals' });
		await expectVisible(optInRequest);

		await optInRequest.getByRole('button', { name: 'Notify Me' }).click();
		await expectVisible(conversation().getByText(/You tapped Notify Me \(deals\)/));
		const tokenRow = tokens().getByRole('row').filter({ hasText: 'deals' });
		await expectVisible(tokenRow.getByText('available', { exact: true }));
		expect(await tokenRow.textContent()).toContain('One-time');
		await expectVisible(page.getByRole('button', { name: /Ada Lovelace.*1 token/ }));

		// The broadcast: one promotion with that token, as the Broadcast node sends it.
		const [token] = (await h.control.tokens(DEFAULT_PAGE_ID)).filter((record) => record.psid === psid);
		const promotion = await send(h.graph, DEFAULT_PAGE_TOKEN, { recipient: { one_time_notif_token: token.token }, message: { text: 'Deals are live: 20% off everything today.' } });
		expect(promotion.status).toBe(200);
		await expectVisible(conversation().getByText('Deals are live: 20% off everything today.'));
		await expectVisible(conversation().getByText('One-time notification', { exact: true }));
		await expectVisible(tokenRow.getByText('used', { exact: true }));
		await expectVisible(page.getByRole('button', { name: /Ada Lovelace.*1 promotion/ }));

		const shown = await page.content();
		expect(shown).not.toContain(DEFAULT_PAGE_TOKEN);
		expect(shown).not.toContain(DEFAULT_APP_SECRET);

		mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
		await page.screenshot({ path: SCREENSHOT });
		console.log(`emulator page screenshot: ${SCREENSHOT}`);
	});

	it('writes as the subscriber, and stops and resumes marketing messages', async () => {
		await page.getByRole('textbox', { name: 'Name' }).fill('Grace Hopper');
		await page.getByRole('button', { name: 'Add subscriber' }).click();
		await expectVisible(page.getByRole('heading', { name: 'Conversation with Grace Hopper' }));
		await page.getByRole('textbox', { name: 'Message' }).fill('Any sales this week?');
		await page.getByRole('button', { name: 'Send', exact: true }).click();
		await expectVisible(conversation().getByText('Any sales this week?'));

		const psid = await psidOf('Grace Hopper');
		const request = await send(h.graph, DEFAULT_PAGE_TOKEN, templateTo(psid, { template_type: 'notification_messages', title: 'Weekly sales', payload: 'sales', notification_messages_cta_text: 'GET' }));
		expect(request.status).toBe(200);
		await conversation().getByRole('group', { name: 'Opt-in request: Weekly sales' }).getByRole('button', { name: 'Get messages' }).click();
		await expectVisible(conversation().getByText('You subscribed to “Weekly sales”.', { exact: false }));
		const tokenRow = tokens().getByRole('row').filter({ hasText: 'Weekly sales' });
		await expectVisible(tokenRow.getByText('available', { exact: true }));

		await page.getByRole('button', { name: 'Stop messages about Weekly sales' }).click();
		await expectVisible(tokenRow.getByText('stopped', { exact: true }));
		await expectVisible(conversation().getByText('You stopped messages about “Weekly sales”.'));
		await page.getByRole('button', { name: 'Resume messages about Weekly sales' }).click();
		await expectVisible(tokenRow.getByText('available', { exact: true }));

		// Nothing new to report reads back as the emulator's own refusal.
		await page.getByRole('button', { name: 'Mark all as read' }).click();
		await expectVisible(page.getByRole('status').getByText('Marked everything as read.'));
		await page.getByRole('button', { name: 'Mark all as read' }).click();
		await expectVisible(page.getByRole('alert').getByText(/nothing received since the last read report/));
	});
});

/** Waits (up to the page's default time-out) until the user can see it. */
async function expectVisible(locator: Locator): Promise<void> {
	await locator.waitFor({ state: 'visible' });
	expect(await locator.isVisible()).toBe(true);
}
