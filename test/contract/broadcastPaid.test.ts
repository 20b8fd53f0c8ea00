// OTN Broadcast through the paid Marketing Message API, in n8n-core's real engine against the
// emulator: marketing tokens only, under a message campaign, one message per token per 12 hours.
import { OtnBroadcast } from '../../nodes/OtnBroadcast/OtnBroadcast.node';
import { runNode } from '../harness/n8nEngine';
import { issuedRows, paidBroadcastParameters as parameters } from './broadcastRows';
import { useEmulator } from './emulatorFixture';

const emulator = useEmulator();


describe('OTN Broadcast through the paid Marketing Message API', () => {
	it('sends every marketing token once under the campaign; a second run within 12 hours sends nothing and says when each can go', async () => {
		const { page, campaignId } = await emulator.paidPageWithCampaign();
		const marketing = await issuedRows(emulator.control, page.pageId, 4, 'marketing');
		const [oneTime] = await issuedRows(emulator.control, page.pageId, 1, 'one_time');
		const input = [...marketing, oneTime];

		const first = await runNode({ node: new OtnBroadcast(), parameters: parameters(campaignId), input, credentials: page.credentials });
		expect(first.error).toBeUndefined();
		const [sent, notSent] = first.outputs;
		expect(sent.map((item) => item.json.tokenId)).toEqual(marketing.map((row) => row.tokenId));
		const paid = await emulator.control.paid.messages({ pageId: page.pageId });
		expect(paid.map((message) => message.token).sort()).toEqual(marketing.map((row) => String(row.token)).sort());
		for (const item of sent) {
			const tracking = paid.find((message) => message.token === item.json.token)?.trackingId;
			expect(item.json).toMatchObject({ status: 'available', campaign: campaignId, messageId: tracking, error: null });
			const wait = Date.parse(String(item.json.nextEligibleAt)) - Date.parse(String(item.json.lastSentAt));
			expect(wait).toBe(12 * 60 * 60 * 1000);
		}
		expect(notSent.map((item) => item.json.tokenId)).toEqual([oneTime.tokenId]);
		expect(first.hints[0].message).toMatch(/1 notMarketing/);

		// The same rows as written back, broadcast again at once: nothing is sent, each says when.
		const written = sent.map((item) => item.json);
		const second = await runNode({ node: new OtnBroadcast(), parameters: parameters(campaignId), input: written, credentials: page.credentials });
		expect(second.outputs[0]).toEqual([]);
		expect(second.outputs[1].map((item) => item.json.nextEligibleAt)).toEqual(written.map((row) => row.nextEligibleAt));
		expect(second.hints[0].message).toMatch(/not sent 4 \(4 coolingDown\)/);
		expect(await emulator.control.paid.messages({ pageId: page.pageId })).toHaveLength(4);
	});

	it('refuses a message the paid API would refuse for every token before the first call', async () => {
		const { page, campaignId } = await emulator.paidPageWithCampaign();
		const rows = await issuedRows(emulator.control, page.pageId, 2, 'marketing');
		const run = await runNode({
			node: new OtnBroadcast(),
			parameters: { ...parameters(campaignId), text: 'x'.repeat(641) },
			input: rows,
			credentials: page.credentials,
		});
		expect(run.error?.message).toMatch(/641 characters.*640/);
		expect(await emulator.control.paid.messages({ pageId: page.pageId })).toHaveLength(0);
	});

	it('stops with the reason when the campaign is not active, reporting every row not attempted', async () => {
		const { page, campaignId } = await emulator.paidPageWithCampaign();
		const rows = await issuedRows(emulator.control, page.pageId, 5, 'marketing');
		await emulator.control.paid.setCampaignStatus(campaignId, 'PAUSED');
		const run = await runNode({
			node: new OtnBroadcast(),
			parameters: { ...parameters(campaignId), options: { concurrency: 1 } },
			input: rows,
			credentials: page.credentials,
		});
		const [sent, notSent] = run.outputs;
		expect(sent).toEqual([]);
		expect(notSent).toHaveLength(5);
		expect(notSent.every((item) => item.json.status === 'available' && String(item.json.error).startsWith('stop:'))).toBe(true);
		expect(await emulator.control.paid.messages({ pageId: page.pageId })).toHaveLength(0);
	});
});
