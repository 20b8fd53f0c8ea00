// OTN Broadcast in n8n-core's real engine against a Page whose Messenger budget (200 calls a day per
// engaged user, https://developers.facebook.com/docs/graph-api/overview/rate-limiting/) fills up:
// the node reads X-Business-Use-Case-Usage, slows down, and stops cleanly when Meta reports it spent.
import axios from 'axios';

import { OtnBroadcast } from '../../nodes/OtnBroadcast/OtnBroadcast.node';
import { runNode } from '../harness/n8nEngine';
import { broadcastParameters, deliveriesPerToken, issuedRows } from './broadcastRows';
import { useEmulator } from './emulatorFixture';

const emulator = useEmulator();
const DAY = 24 * 60 * 60 * 1000;

const parameters = broadcastParameters;

describe("OTN Broadcast and the Page's Messenger budget", () => {
	it('slows down as the usage Meta reports rises, gets no refusal, and shows the peak in its hint', async () => {
		const page = await emulator.newPage();
		const rows = await issuedRows(emulator.control, page.pageId, 360);
		// The check of the credential and the 360 sends take 361 of 400 calls: 90%.
		await emulator.control.setPageBudget({ callsPer24h: 400, pageId: page.pageId });
		const run = await runNode({ node: new OtnBroadcast(), parameters: parameters(), input: rows, credentials: page.credentials });
		expect(run.error).toBeUndefined();
		const [sent, notSent] = run.outputs;
		expect(sent).toHaveLength(360);
		expect(notSent).toEqual([]);
		const stats = (await emulator.control.stats()).pages.find((entry) => entry.key === page.pageId);
		expect(stats).toMatchObject({ accepted: 361, rateLimited: 0 });
		const hint = run.hints[0].message;
		expect(hint).toContain('0 rate-limit answers');
		expect(hint).toMatch(/Meta's usage for the Page peaked at 90% \(call_count\); the pace slowed to [\d.]+ messages\/s to spread the calls\./);
	});

	it('stops when the budget is spent, leaves every unsent row as it was, and a run after the window sends the rest exactly once', async () => {
		const page = await emulator.newPage();
		const rows = await issuedRows(emulator.control, page.pageId, 180);
		// The check of the credential and the first 100 sends spend a budget of 101 calls.
		await emulator.control.setPageBudget({ callsPer24h: 101, pageId: page.pageId });
		const first = await runNode({ node: new OtnBroadcast(), parameters: parameters(), input: rows, credentials: page.credentials });
		expect(first.error).toBeUndefined();
		const [sent, notSent] = first.outputs;
		expect(sent).toHaveLength(100);
		expect(notSent).toHaveLength(80);
		for (const item of notSent) {
			// A send out when the budget ran out meets Meta's 80006; the rest are not attempted. Either way the token is kept.
			expect(item.json).toMatchObject({ status: 'available', messageId: null, lastSentAt: null });
			expect(String(item.json.error)).toMatch(/^stop: (Not sent: )?Meta reports the budget spent \(call_count at 100% in X-Business-Use-Case-Usage, messenger\)\. Meta expects access back in about 1440 min, around \d\d:\d\d UTC/);
		}
		expect(first.hints[0].message).toMatch(/sent 100; not sent 80 .*none of their tokens was spent/);
		expect(await emulator.control.deliveries({ pageId: page.pageId })).toHaveLength(100);

		// A day later the window holds none of those calls: 81 of the 101 are free for the rest.
		await emulator.control.advanceClock(DAY);
		const second = await runNode({ node: new OtnBroadcast(), parameters: parameters(), input: notSent.map((item) => item.json), credentials: page.credentials });
		expect(second.outputs[0]).toHaveLength(80);
		expect(second.outputs[1]).toEqual([]);
		const perToken = await deliveriesPerToken(emulator.control, page.pageId);
		expect(rows.map((row) => perToken.get(String(row.token)))).toEqual(Array(180).fill(1));
	});

	it('sends nothing and changes no row when the budget is already spent, and says when access returns', async () => {
		const page = await emulator.newPage();
		const rows = await issuedRows(emulator.control, page.pageId, 5);
		await emulator.control.setPageBudget({ callsPer24h: 1, pageId: page.pageId });
		// Another app of the Page spends the budget first.
		await axios.get(`${emulator.url}/v25.0/me`, { params: { access_token: page.pageToken } });
		const run = await runNode({ node: new OtnBroadcast(), parameters: parameters(), input: rows, credentials: page.credentials, onError: 'continueRegularOutput' });
		const [sent, notSent] = run.outputs;
		expect(sent).toEqual([]);
		expect(notSent.map((item) => item.json.status)).toEqual(Array(5).fill('available'));
		expect(run.hints[0].message).toMatch(/nothing was sent and no row was changed\. Meta reports the budget spent \(call_count at 100% in X-Business-Use-Case-Usage, messenger\)\. Meta expects access back in about 1440 min/);
		expect(await emulator.control.deliveries({ pageId: page.pageId })).toHaveLength(0);
	});
});
