/**
 * The promotion flow in every n8n version of the compatibility matrix (scripts/compat/matrix.ts),
 * small enough to be steady on a busy machine: the example inbox and broadcast workflows as shipped,
 * imported with their Data Table nodes pointing at the test's table by id (the one way every version
 * of n8n's Data Table node takes a table without the editor; by name needs its version 1.1).
 * 20 subscribers tap DEALS and 15 tap Notify Me, three at a time once the inbox answered the last
 * three; each token reaches a Data Table row, the broadcast sends each token's promotion once by the
 * emulator's record, and a re-run sends nothing.
 */
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { nodeOutput } from '../../scripts/n8n/n8n-workflows';
import { N8N_VERSION } from '../../scripts/n8n/runtime';
import { e2eInstance } from './e2e-instance';
import { forEachAtOnce } from './lifecycleMessenger';
import { EXAMPLE_CAMPAIGN, EXAMPLE_PROMOTION, perSubscriber, permissionRequests, promotionsSent, runBroadcast, settleInbox } from './lifecycleSteps';
import { type LifecycleWorkflows, publishLifecycleWorkflows } from './lifecycleWorkflows';
import { newE2ePage, type E2ePage } from './messengerPage';

const n8n = e2eInstance();
const SUBSCRIBERS = 20;
const OPTING_IN = 15;
/** Taps at a time: the next few come once the inbox has answered these, as the flow, not the load, is under test here. */
const AT_ONCE = 3;

describe(`the promotion flow with the example workflows in n8n ${N8N_VERSION}`, () => {
	let page: E2ePage;
	let flows: LifecycleWorkflows;
	let psids: string[] = [];
	const tokens: string[] = [];
	const figures: Record<string, number> = {};
	const optedIn = () => psids.slice(0, OPTING_IN);

	async function tapInGroups<R>(who: string[], tap: (psid: string) => Promise<R>): Promise<R[]> {
		const results: R[] = [];
		for (let start = 0; start < who.length; start += AT_ONCE) {
			results.push(...(await Promise.all(who.slice(start, start + AT_ONCE).map(tap))));
			await settleInbox(n8n, page, flows);
		}
		return results;
	}

	beforeAll(async () => {
		page = await newE2ePage(n8n, 'Compat flow e2e');
		flows = await publishLifecycleWorkflows(n8n, page);
	});

	afterAll(async () => {
		await flows?.unpublish();
		console.log(
			`compat flow (n8n ${N8N_VERSION}): ${figures.permissionRequests} permission requests to ${SUBSCRIBERS} subscribers, ${figures.tokenRows} token rows for ${tokens.length} Notify Me taps, ` +
				`first run sent ${figures.firstRunSent} promotions to ${figures.promoted} subscribers, second run sent ${figures.secondRunSent}`,
		);
	});

	it(`${SUBSCRIBERS} subscribers tap DEALS and each gets the permission request once`, async () => {
		psids = (await forEachAtOnce(Array.from({ length: SUBSCRIBERS }), AT_ONCE, () => page.control.createSubscriber(page.pageId))).map((subscriber) => subscriber.psid);
		await tapInGroups(psids, (psid) => page.control.tapsPostback(page.pageId, psid, 'DEALS', 'Notify me about deals'));

		const requests = await permissionRequests(page);
		expect(requests.map((request) => request.psid).sort()).toEqual([...psids].sort());
		figures.permissionRequests = requests.length;
	});

	it(`${OPTING_IN} tap Notify Me and each token reaches a Data Table row`, async () => {
		const taps = await tapInGroups(optedIn(), (psid) => page.control.tapsNotifyMe(page.pageId, psid));
		tokens.push(...taps.map((tap) => tap.token.token));

		const rows = await flows.rows();
		expect(rows.map((row) => row.tokenId).sort()).toEqual(tokens.map(tokenIdOf).sort());
		expect(rows.map((row) => row.psid).sort()).toEqual([...optedIn()].sort());
		expect(rows.every((row) => row.status === 'available' && row.topic === 'deals' && row.tokenType === 'one_time' && row.pageId === page.pageId)).toBe(true);
		figures.tokenRows = rows.length;
	});

	it('the broadcast sends one promotion per token, to no one else, and marks the rows used', async () => {
		const run = await runBroadcast(n8n, flows, 1);
		expect(nodeOutput(run, 'OTN Broadcast', 0)).toHaveLength(OPTING_IN);

		const sent = perSubscriber(await promotionsSent(page, EXAMPLE_PROMOTION));
		expect([...sent.keys()].sort()).toEqual([...optedIn()].sort());
		expect([...sent.values()].every((count) => count === 1)).toBe(true);
		const rows = await flows.rows();
		expect(rows).toHaveLength(OPTING_IN);
		expect(rows.every((row) => row.status === 'used' && row.campaign === EXAMPLE_CAMPAIGN && typeof row.messageId === 'string')).toBe(true);
		figures.firstRunSent = [...sent.values()].reduce((sum, count) => sum + count, 0);
		figures.promoted = sent.size;
	});

	it('running the broadcast again sends nothing', async () => {
		const run = await runBroadcast(n8n, flows, 2);
		expect(nodeOutput(run, 'OTN Broadcast', 0)).toEqual([]);
		expect(await promotionsSent(page, EXAMPLE_PROMOTION)).toHaveLength(OPTING_IN);
		figures.secondRunSent = nodeOutput(run, 'OTN Broadcast', 0).length;
	});
});
