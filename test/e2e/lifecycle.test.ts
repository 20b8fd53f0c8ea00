/**
 * The whole promotion lifecycle in the real n8n, with the example workflows as shipped: 200
 * subscribers tap the Page's DEALS postback and get the permission request; 150 tap Notify Me while
 * Meta delivers a tenth of the opt-in webhooks a second time, seconds later (once the inbox has
 * stored the originals); the Data Table holds one row per token; the broadcast sends one promotion
 * per token and, run again, nothing; delivery and read receipts reach the rows; a forged webhook
 * starts no execution.
 */
import { setTimeout as delay } from 'node:timers/promises';

import type { WebhookAttempt } from '../../emulator/client';
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { nodeOutput } from '../../scripts/n8n/n8n-workflows';
import { e2eInstance } from './e2e-instance';
import { appAttempts, forEachAtOnce, postForgedOptIn, replay, retriedShare } from './lifecycleMessenger';
import { EXAMPLE_CAMPAIGN, EXAMPLE_PROMOTION, perSubscriber, permissionRequests, promotionsSent, runBroadcast, settleInbox } from './lifecycleSteps';
import { type LifecycleWorkflows, publishLifecycleWorkflows } from './lifecycleWorkflows';
import { newE2ePage, type E2ePage } from './messengerPage';

const n8n = e2eInstance();
const SUBSCRIBERS = 200;
const OPTING_IN = 150;
const READING = 75;
/** Meta's "retried anyway" share: a tenth of the opt-ins come twice. */
const RETRIED_SHARE = 0.1;
const AT_ONCE = 20;
const TAPS_PER_POST = 5;
/** The emulator's default: events within it go out in one POST. */
const BATCH_WINDOW_MS = 50;

describe('the promotion lifecycle in a real n8n, with the example workflows as shipped', () => {
	let page: E2ePage;
	let flows: LifecycleWorkflows;
	let psids: string[] = [];
	const tokens: string[] = [];
	/** Meta's retries the test replayed, each one more inbox execution. */
	let replayed = 0;
	let forgedStatus = 0;
	const counts: Record<string, number> = {};

	const optedIn = () => psids.slice(0, OPTING_IN);
	const promotions = () => promotionsSent(page, EXAMPLE_PROMOTION);

	/** Waits until the inbox ran once for every webhook POST delivered to it (and each replay), and checks they all succeeded. */
	async function settle(): Promise<void> {
		const inbox = await settleInbox(n8n, page, flows, replayed);
		counts.inboxExecutions = inbox.inboxExecutions;
		counts.webhookPosts = inbox.webhookPosts;
	}

	beforeAll(async () => {
		page = await newE2ePage(n8n, 'Lifecycle e2e');
		flows = await publishLifecycleWorkflows(n8n, page);
	});

	afterAll(async () => {
		await flows?.unpublish();
		console.log(
			`lifecycle: ${counts.subscribers} subscribers, ${counts.permissionRequests} permission requests, ${counts.optIns} Notify Me taps, ` +
				`${counts.retriedBodies} of ${counts.optInBodies} opt-in webhook POSTs delivered again seconds later (${counts.retriedOptIns} opt-ins), ${counts.tokenRows} token rows, ` +
				`${counts.promoted} promoted once and ${counts.notPromoted} not at all, second run sent ${counts.secondRunSent}, ` +
				`${counts.delivered} rows delivered and ${counts.read} read, forged webhook answered ${forgedStatus} and started ${counts.forgedExecutions} executions, ` +
				`${counts.inboxExecutions} inbox executions for ${counts.webhookPosts} webhook POSTs and ${replayed} retries`,
		);
	});

	it(`${SUBSCRIBERS} subscribers tap the DEALS postback and each gets the permission request, once`, async () => {
		const created = await forEachAtOnce(Array.from({ length: SUBSCRIBERS }), AT_ONCE, () => page.control.createSubscriber(page.pageId));
		psids = created.map((subscriber) => subscriber.psid);
		await forEachAtOnce(psids, AT_ONCE, (psid) => page.control.tapsPostback(page.pageId, psid, 'DEALS', 'Notify me about deals'));
		await settle();

		const requests = await permissionRequests(page);
		expect(requests.map((request) => request.psid).sort()).toEqual([...psids].sort());
		expect(new Set(requests.map((request) => JSON.stringify(request.message)))).toEqual(
			new Set([JSON.stringify({ attachment: { type: 'template', payload: { template_type: 'one_time_notif_req', title: 'Notify me about deals', payload: 'deals' } } })]),
		);
		counts.subscribers = psids.length;
		counts.permissionRequests = requests.length;
	});

	it(`${OPTING_IN} tap Notify Me, a tenth of the opt-in webhooks come again seconds later, and the table holds one row per token`, async () => {
		const firstHalf = optedIn().slice(0, OPTING_IN / 2);
		const secondHalf = optedIn().slice(OPTING_IN / 2);
		const tap = async (group: string[]) => {
			const after = (await appAttempts(page)).at(-1)?.id ?? 0;
			// A few taps at a time, a batch window apart, so each webhook POST carries a few opt-ins
			// and a tenth of the POSTs is about a tenth of the opt-ins.
			for (let start = 0; start < group.length; start += TAPS_PER_POST) {
				const taps = await Promise.all(group.slice(start, start + TAPS_PER_POST).map((psid) => page.control.tapsNotifyMe(page.pageId, psid)));
				tokens.push(...taps.map((one) => one.token.token));
				await delay(BATCH_WINDOW_MS + 20);
			}
			await page.control.runDueWebhooks();
			return (await appAttempts(page, after)).filter((attempt) => attempt.fields.includes('messaging_optins'));
		};
		const retry = async (bodies: WebhookAttempt[]) => {
			for (const body of bodies) {
				expect(await replay(flows.inbox.url, body)).toBe(200);
				replayed++;
				counts.retriedOptIns = (counts.retriedOptIns ?? 0) + body.eventIds.length;
			}
			counts.retriedBodies = (counts.retriedBodies ?? 0) + bodies.length;
		};

		const firstBodies = await tap(firstHalf);
		// The inbox has stored them before their copies come: a Data Table has no unique key, so a
		// copy that meets its original still running may add a second row (README, Record Opt-In).
		await settle();
		// Seconds later Meta delivers some of them again, while the other half taps Notify Me.
		const [secondBodies] = await Promise.all([
			tap(secondHalf),
			delay(2000).then(() => retry(retriedShare(firstBodies, RETRIED_SHARE))),
			// A forged opt-in in the middle of the real ones, for a subscriber who did not tap.
			delay(500).then(async () => {
				forgedStatus = await postForgedOptIn(flows.inbox.url, page, psids[SUBSCRIBERS - 1]);
			}),
		]);
		await settle();
		await delay(2000);
		await retry(retriedShare(secondBodies, RETRIED_SHARE));
		expect(forgedStatus).toBe(401);
		await settle();
		counts.optInBodies = firstBodies.length + secondBodies.length;

		const rows = await flows.rows();
		expect(rows).toHaveLength(OPTING_IN);
		expect(new Set(rows.map((row) => row.tokenId))).toEqual(new Set(tokens.map(tokenIdOf)));
		expect(rows.every((row) => row.status === 'available' && row.topic === 'deals' && row.tokenType === 'one_time' && row.pageId === page.pageId)).toBe(true);
		expect(rows.filter((row) => row.psid === psids[SUBSCRIBERS - 1])).toEqual([]);
		counts.optIns = tokens.length;
		counts.tokenRows = rows.length;
		expect(counts.retriedOptIns).toBeGreaterThanOrEqual(OPTING_IN * RETRIED_SHARE);
	});

	it('the broadcast sends one promotion to each of them and none to the others, and writes the rows back', async () => {
		const run = await runBroadcast(n8n, flows, 1);
		expect(nodeOutput(run, 'OTN Broadcast', 0)).toHaveLength(OPTING_IN);
		expect(nodeOutput(run, 'OTN Broadcast', 1)).toEqual([]);

		const sent = perSubscriber(await promotions());
		expect([...sent.keys()].sort()).toEqual([...optedIn()].sort());
		expect([...sent.values()].every((count) => count === 1)).toBe(true);
		const notPromoted = psids.filter((psid) => !sent.has(psid));
		expect(notPromoted).toHaveLength(SUBSCRIBERS - OPTING_IN);

		const rows = await flows.rows();
		expect(rows).toHaveLength(OPTING_IN);
		expect(rows.every((row) => row.status === 'used' && row.campaign === EXAMPLE_CAMPAIGN && typeof row.messageId === 'string' && row.lastSentAt)).toBe(true);
		counts.promoted = sent.size;
		counts.notPromoted = notPromoted.length;
	});

	it('running the broadcast again delivers nothing', async () => {
		const run = await runBroadcast(n8n, flows, 2);
		expect(nodeOutput(run, 'OTN Broadcast', 0)).toEqual([]);
		expect(await promotions()).toHaveLength(OPTING_IN);
		counts.secondRunSent = nodeOutput(run, 'OTN Broadcast', 0).length;
	});

	it('delivery and read receipts set deliveredAt and readAt on the rows', async () => {
		await forEachAtOnce(optedIn(), AT_ONCE, (psid) => page.control.reportsDelivered(page.pageId, psid));
		await forEachAtOnce(optedIn().slice(0, READING), AT_ONCE, (psid) => page.control.reportsRead(page.pageId, psid));
		await settle();

		const rows = await flows.rows();
		const readers = new Set(optedIn().slice(0, READING));
		expect(rows.filter((row) => row.deliveredAt)).toHaveLength(OPTING_IN);
		expect(rows.filter((row) => row.readAt).map((row) => row.psid).sort()).toEqual([...readers].sort());
		expect(rows.every((row) => row.status === 'used')).toBe(true);
		counts.delivered = rows.filter((row) => row.deliveredAt).length;
		counts.read = rows.filter((row) => row.readAt).length;
	});

	it('the forged webhook started no execution: one per delivered webhook and retry, no more', async () => {
		await settle();
		counts.forgedExecutions = counts.inboxExecutions - counts.webhookPosts - replayed;
		expect(counts.forgedExecutions).toBe(0);
	});
});
