// OTN Broadcast through the paid Marketing Message API in n8n-core's real engine, against an ad
// account whose Marketing API score fills up (https://developers.facebook.com/docs/marketing-api/overview/rate-limiting:
// a write is 3 points, a read 1, throttled at the maximum): the node reads X-Ad-Account-Usage
// (https://developers.facebook.com/docs/graph-api/overview/rate-limiting/), slows before Meta
// refuses, and shows the peak in its hint.
import { OtnBroadcast } from '../../nodes/OtnBroadcast/OtnBroadcast.node';
import { runNode } from '../harness/n8nEngine';
import { issuedRows, paidBroadcastParameters } from './broadcastRows';
import { useEmulator } from './emulatorFixture';

const emulator = useEmulator();

const parameters = (campaignId: string) => paidBroadcastParameters(campaignId, { ratePerSecond: 50 });

describe("OTN Broadcast through the paid API and the ad account's usage", () => {
	it('slows down as X-Ad-Account-Usage rises, gets no refusal, and shows the peak in its hint', async () => {
		const { page, campaignId } = await emulator.paidPageWithCampaign();
		const rows = await issuedRows(emulator.control, page.pageId, 120, 'marketing');
		// Creating the campaign (3 points), the check of the credential (1) and 120 sends (360) score 364 of 400: 91%.
		await emulator.control.paid.setAdAccountUsageLimit(page.adAccountId, { maxScore: 400 });
		const run = await runNode({ node: new OtnBroadcast(), parameters: parameters(campaignId), input: rows, credentials: page.credentials });
		expect(run.error).toBeUndefined();
		const [sent, notSent] = run.outputs;
		expect(sent).toHaveLength(120);
		expect(notSent).toEqual([]);
		expect(await emulator.control.paid.messages({ pageId: page.pageId })).toHaveLength(120);
		const refused = (await emulator.control.stats()).pages.reduce((sum, entry) => sum + entry.rateLimited, 0);
		expect(refused).toBe(0);
		const hint = run.hints[0].message;
		expect(hint).toContain('0 rate-limit answers');
		expect(hint).toMatch(/Meta's usage for the ad account peaked at 91% \(acc_id_util_pct\); the pace slowed to [\d.]+ messages\/s to spread the calls\./);
	});

	it('stops when the score is full, keeps every unsent row as it was, and says when access returns', async () => {
		const { page, campaignId } = await emulator.paidPageWithCampaign();
		const rows = await issuedRows(emulator.control, page.pageId, 30, 'marketing');
		// 3 (campaign) + 1 (check) + 20 sends × 3 = 64: the score is full after the 20th send.
		await emulator.control.paid.setAdAccountUsageLimit(page.adAccountId, { maxScore: 64, blockSeconds: 60 });
		const run = await runNode({ node: new OtnBroadcast(), parameters: { ...parameters(campaignId), options: { concurrency: 1 } }, input: rows, credentials: page.credentials });
		const [sent, notSent] = run.outputs;
		expect(sent).toHaveLength(20);
		expect(notSent).toHaveLength(10);
		for (const item of notSent) {
			expect(item.json).toMatchObject({ status: 'available', messageId: null, lastSentAt: null });
			expect(String(item.json.error)).toMatch(/^stop: Not sent: Meta reports the budget spent \(acc_id_util_pct at 100% in X-Ad-Account-Usage, standard_access\)\. Meta expects access back in about 5 min/);
		}
		expect(await emulator.control.paid.messages({ pageId: page.pageId })).toHaveLength(20);
	});
});
