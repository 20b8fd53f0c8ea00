// The Audience Preview of Select for Broadcast and of OTN Broadcast's Dry Run, in n8n-core's real
// engine; the broadcast against the emulator, whose record shows that nothing was sent.
import type { IDataObject } from 'n8n-workflow';

import { OtnBroadcast } from '../../nodes/OtnBroadcast/OtnBroadcast.node';
import { OtnTokenStore } from '../../nodes/OtnTokenStore/OtnTokenStore.node';
import { runNode } from '../harness/n8nEngine';
import { broadcastParameters, issuedRows } from './broadcastRows';
import { useEmulator } from './emulatorFixture';

const emulator = useEmulator();
const HOUR = 60 * 60 * 1000;

describe('Audience Preview', () => {
	it('Select for Broadcast puts out one item with the figures instead of the rows, and nothing to write back', async () => {
		const page = await emulator.newPage();
		const oneTime = await issuedRows(emulator.control, page.pageId, 3);
		const marketing = await issuedRows(emulator.control, page.pageId, 2, 'marketing', 'weekly');
		const soon = new Date(Date.now() + 5 * HOUR).toISOString();
		const cooling = { ...marketing[1], nextEligibleAt: soon };
		const expired = { ...oneTime[2], expiresAt: new Date(Date.now() - HOUR).toISOString() };
		const run = await runNode({
			node: new OtnTokenStore(),
			parameters: { resource: 'token', operation: 'selectForBroadcast', options: { audiencePreview: true, previewRatePerSecond: 1 } },
			input: [oneTime[0], oneTime[1], expired, marketing[0], cooling],
		});
		const [output, statusChanges] = run.outputs;
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({
			eligible: 3,
			byTopic: { deals: 2, weekly: 1 },
			byTokenType: { one_time: 2, marketing: 1 },
			byPage: { [page.pageId]: 3 },
			coolingDown: 1,
			earliestNextEligibleAt: soon,
			expired: 1,
			ratePerSecond: 1,
			estimatedSeconds: 3,
			estimatedDuration: '3 s',
		});
		expect(Object.values(output[0].json.byExpiryMonth as IDataObject).reduce((sum: number, n) => sum + Number(n), 0)).toBe(3);
		expect(output[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 3 }]);
		expect(statusChanges ?? []).toEqual([]);
		expect(JSON.stringify(output)).not.toContain(String(oneTime[0].token));
	});

	it("OTN Broadcast's Dry Run shows the audience, the duration at the Send Rate and the first three messages, with no call to the Send API", async () => {
		const page = await emulator.newPage();
		const rows = await issuedRows(emulator.control, page.pageId, 5);
		const spent = { ...rows[4], status: 'used' };
		await emulator.control.resetStats();
		const run = await runNode({
			node: new OtnBroadcast(),
			parameters: broadcastParameters({ dryRun: true, dryRunOutput: 'preview', ratePerSecond: 2 }),
			input: [...rows.slice(0, 4), spent],
			credentials: page.credentials,
		});
		expect(run.error).toBeUndefined();
		const [sent, notSent] = run.outputs;
		expect(sent).toHaveLength(1);
		const preview = sent[0].json;
		expect(preview).toMatchObject({ eligible: 4, byTopic: { deals: 4 }, byTokenType: { one_time: 4 }, coolingDown: 0, ratePerSecond: 2, estimatedSeconds: 2, estimatedDuration: '2 s', notSent: { spent: 1 } });
		expect(preview.messages).toEqual(
			rows.slice(0, 3).map((row) => ({ tokenId: row.tokenId, topic: 'deals', tokenType: 'one_time', message: { text: `Hi ${row.psid}, the spring sale is on` } })),
		);
		expect(sent[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(notSent.map((item) => item.json.status)).toEqual(['used']);
		expect(JSON.stringify(run.outputs)).not.toContain(String(rows[0].token));
		// The emulator's record: no message, and one call for the Page, the check of the credential (GET /me).
		expect(await emulator.control.deliveries({ pageId: page.pageId })).toHaveLength(0);
		const stats = await emulator.control.stats();
		expect(stats.pages.find((entry) => entry.key === page.pageId)?.calls).toBe(1);
		expect(stats.batchRequests).toBe(0);
	});
});
