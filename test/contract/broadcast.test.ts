// OTN Broadcast in n8n-core's real engine against the emulator: what subscribers receive (by the
// emulator's count) and what each row becomes.
import type { IDataObject } from 'n8n-workflow';

import { OtnBroadcast } from '../../nodes/OtnBroadcast/OtnBroadcast.node';
import { runNode } from '../harness/n8nEngine';
import { broadcastParameters, deliveriesPerToken, issuedRows } from './broadcastRows';
import { useEmulator } from './emulatorFixture';
import { startFrontProxy } from './frontProxy';

const emulator = useEmulator();

const parameters = broadcastParameters;

const statuses = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.status);

describe('OTN Broadcast against the emulator', () => {
	it('sends one message per token and returns every row ready to write back', async () => {
		const page = await emulator.newPage();
		const oneTime = await issuedRows(emulator.control, page.pageId, 3);
		const marketing = await issuedRows(emulator.control, page.pageId, 2, 'marketing');
		const run = await runNode({ node: new OtnBroadcast(), parameters: parameters(), input: [...oneTime, ...marketing], credentials: page.credentials });
		expect(run.error).toBeUndefined();
		const [sent, notSent] = run.outputs;
		expect(notSent).toEqual([]);
		expect(statuses(sent)).toEqual(['used', 'used', 'used', 'available', 'available']);
		for (const item of sent) {
			expect(item.json).toMatchObject({ campaign: 'spring-sale', messageId: expect.stringMatching(/^m_/), lastSentAt: expect.any(String), error: null });
		}
		expect(sent[3].json.nextEligibleAt).toEqual(expect.any(String));
		expect(sent.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		const received = await emulator.control.deliveries({ pageId: page.pageId });
		expect(received).toHaveLength(5);
		expect(received.find((d) => d.psid === oneTime[0].psid)?.message).toEqual({ text: `Hi ${oneTime[0].psid}, the spring sale is on` });
	});

	it('passes spent, expired and cooling-down rows through without a call, and sends a token given twice once', async () => {
		const page = await emulator.newPage();
		const [fresh, spent, expired, cooling] = await issuedRows(emulator.control, page.pageId, 4);
		const input = [
			fresh,
			{ ...spent, status: 'used' },
			{ ...expired, expiresAt: '2020-01-01T00:00:00.000Z' },
			{ ...cooling, tokenType: 'one_time', nextEligibleAt: '2099-01-01T00:00:00.000Z' },
			{ ...fresh, id: 99 },
		];
		await emulator.control.resetStats();
		const run = await runNode({ node: new OtnBroadcast(), parameters: parameters(), input, credentials: page.credentials });
		const [sent, notSent] = run.outputs;
		expect(sent).toHaveLength(1);
		expect(sent[0].pairedItem).toEqual([{ item: 0 }, { item: 4 }]);
		expect(notSent.map((item) => item.json.tokenId)).toEqual([spent.tokenId, expired.tokenId, cooling.tokenId]);
		expect(notSent[0].json.status).toBe('used');
		expect((await deliveriesPerToken(emulator.control, page.pageId)).get(String(fresh.token))).toBe(1);
		expect(run.hints[0].message).toMatch(/sent 1; not sent 3 \(1 spent, 1 expired, 1 coolingDown\)/);
	});

	it('makes no call at all when no row can be sent to, and checks the credential once when the first sendable row comes after a thousand spent ones', async () => {
		const page = await emulator.newPage();
		const [spentTemplate, fresh] = await issuedRows(emulator.control, page.pageId, 2);
		// Rows are read a thousand at a time: the check goes out with the first block that holds a sendable row.
		const spent = Array.from({ length: 1500 }, (_, index) => ({ ...spentTemplate, id: index, status: 'used' }));
		const statsOfPage = async () => (await emulator.control.stats()).pages.find((entry) => entry.key === page.pageId);
		await emulator.control.resetStats();
		const nothingToSend = await runNode({ node: new OtnBroadcast(), parameters: parameters(), input: spent, credentials: page.credentials });
		expect(nothingToSend.outputs[0]).toEqual([]);
		expect(nothingToSend.outputs[1]).toHaveLength(1);
		expect((await statsOfPage())?.calls ?? 0).toBe(0);

		const run = await runNode({ node: new OtnBroadcast(), parameters: parameters(), input: [...spent, fresh], credentials: page.credentials });
		expect(run.outputs[0].map((item) => item.json.tokenId)).toEqual([fresh.tokenId]);
		expect(run.outputs[0][0].pairedItem).toEqual({ item: 1500 });
		// GET /me and the one send.
		expect((await statsOfPage())?.calls).toBe(2);
		expect((await deliveriesPerToken(emulator.control, page.pageId)).get(String(fresh.token))).toBe(1);
	});

	it('moves a row Meta refuses to the status Meta names, and keeps going', async () => {
		const page = await emulator.newPage();
		const [first, second] = await issuedRows(emulator.control, page.pageId, 2);
		await runNode({ node: new OtnBroadcast(), parameters: parameters(), input: [first], credentials: page.credentials });
		const run = await runNode({ node: new OtnBroadcast(), parameters: parameters(), input: [first, second], credentials: page.credentials });
		const [sent, notSent] = run.outputs;
		expect(sent.map((item) => item.json.tokenId)).toEqual([second.tokenId]);
		expect(notSent[0].json).toMatchObject({ tokenId: first.tokenId, status: 'used', campaign: 'spring-sale', error: expect.stringMatching(/^tokenSpent: /) });
		expect(String(notSent[0].json.error)).not.toContain(String(first.token));
		expect((await deliveriesPerToken(emulator.control, page.pageId)).get(String(first.token))).toBe(1);
	});

	it('stops at a credential Meta refuses in the middle of a run and reports every row not attempted, unchanged', async () => {
		const page = await emulator.newPage();
		const rows = await issuedRows(emulator.control, page.pageId, 6);
		// The check before the first send reaches the emulator; every send then meets Meta's 190.
		const proxy = await startFrontProxy(emulator.url, {
			status: 400,
			contentType: 'application/json',
			body: JSON.stringify({ error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'T190' } }),
		});
		try {
			const credentials = { messengerOtnPageApi: { ...page.credentials.messengerOtnPageApi, graphHost: proxy.url } };
			const run = await runNode({ node: new OtnBroadcast(), parameters: parameters({ options: { batchSize: 1, concurrency: 1 } }), input: rows, credentials });
			const [sent, notSent] = run.outputs;
			expect(sent).toEqual([]);
			expect(proxy.answered).toBe(1);
			expect(statuses(notSent)).toEqual(Array(6).fill('available'));
			expect(notSent[0].json.error).toMatch(/^stop: Meta refused the Page access token/);
			expect(notSent.slice(1).every((item) => String(item.json.error).startsWith('stop: Not sent:'))).toBe(true);
			expect(run.hints[0].message).toMatch(/none of their tokens was spent/);
			expect(JSON.stringify(run.run.data.resultData)).not.toContain(page.pageToken);
		} finally {
			await proxy.close();
		}
	});

	it('counts without sending on a dry run', async () => {
		const page = await emulator.newPage();
		const rows = await issuedRows(emulator.control, page.pageId, 3);
		const run = await runNode({ node: new OtnBroadcast(), parameters: parameters({ dryRun: true }), input: [...rows, { ...rows[0], status: 'used', tokenId: undefined }], credentials: page.credentials });
		expect(run.outputs[0].map((item) => item.json.status)).toEqual(['available', 'available']);
		expect(run.hints[0].message).toMatch(/Dry run .*2 rows would be sent; 1 would not \(1 spent\)/);
		expect(await emulator.control.deliveries({ pageId: page.pageId })).toHaveLength(0);
	});

	it('refuses a message Messenger would refuse before the first call', async () => {
		const page = await emulator.newPage();
		const rows = await issuedRows(emulator.control, page.pageId, 2);
		const run = await runNode({ node: new OtnBroadcast(), parameters: parameters({ text: 'x'.repeat(2000) }), input: rows, credentials: page.credentials });
		expect(run.error?.message).toMatch(/Messenger would refuse the message of every row/);
		expect(await emulator.control.deliveries({ pageId: page.pageId })).toHaveLength(0);
	});

	it('sends a row that is not a token row to the error output, naming the column', async () => {
		const page = await emulator.newPage();
		const [row] = await issuedRows(emulator.control, page.pageId, 1);
		const run = await runNode({
			node: new OtnBroadcast(),
			parameters: parameters(),
			input: [row, { ...row, tokenId: undefined, token: 'other', status: 'maybe' }],
			credentials: page.credentials,
			onError: 'continueErrorOutput',
		});
		const [sent, notSent, failed] = run.outputs;
		expect(sent).toHaveLength(1);
		expect(notSent).toEqual([]);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toMatch(/status/);
		expect(failed[0].pairedItem).toEqual({ item: 1 });
	});
});
