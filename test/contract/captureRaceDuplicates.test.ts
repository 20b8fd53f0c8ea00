// The Data Table capture race, as the nodes meet it in n8n-core's real engine against the emulator.
// The capture template's check-then-insert lets two copies of one opt-in in when they arrive
// together (the README has the measured figure), so the table holds each token twice, with its own
// id. Select for Broadcast selects each token once, OTN Broadcast sends it once (the emulator's own
// count), and after the write-back (Data Table Update by tokenId changes both copies) Summarize
// counts it once.
import type { IDataObject } from 'n8n-workflow';

import { OtnBroadcast } from '../../nodes/OtnBroadcast/OtnBroadcast.node';
import { OtnTokenStore } from '../../nodes/OtnTokenStore/OtnTokenStore.node';
import { runNode } from '../harness/n8nEngine';
import { deliveriesPerToken, issuedRows } from './broadcastRows';
import { useEmulator } from './emulatorFixture';

const emulator = useEmulator();
const store = new OtnTokenStore();
const PAIRS = 5;
const broadcastParameters = { campaign: 'race-sale', messageType: 'text', text: 'The race sale is on', ratePerSecond: 200, dryRun: false, options: {} };

/** Each row twice, as Data Table Get returns them after the race: every copy with its own id, in insertion order. */
function raceCopies(rows: IDataObject[]): IDataObject[] {
	const at = new Date().toISOString();
	return [...rows, ...rows].map((row, index) => ({ id: index + 1, createdAt: at, updatedAt: at, ...row }));
}

async function tokensByTopic(rows: IDataObject[]): Promise<IDataObject[]> {
	const run = await runNode({ node: store, parameters: { resource: 'token', operation: 'summarize', report: 'tokens', expiringWithinDays: 7 }, input: rows });
	return run.outputs[0].map((item) => item.json);
}

const tokenIds = (items: Array<{ json: IDataObject }>) => items.map((item) => String(item.json.tokenId)).sort();

describe('two rows of one tokenId, as the Data Table capture race leaves them', () => {
	it('Select for Broadcast selects each token once, OTN Broadcast sends it once, and Summarize counts it once before and after the write-back', async () => {
		const page = await emulator.newPage();
		const tokens = await issuedRows(emulator.control, page.pageId, PAIRS);
		const stored = raceCopies(tokens);
		const issued = tokens.map((row) => String(row.tokenId)).sort();

		const selection = await runNode({ node: store, parameters: { resource: 'token', operation: 'selectForBroadcast', topic: 'deals' }, input: stored });
		const [eligible] = selection.outputs;
		expect(tokenIds(eligible)).toEqual(issued);
		expect(eligible.map((item) => item.pairedItem)).toEqual(tokens.map((_row, index) => [{ item: index }, { item: index + PAIRS }]));
		expect(selection.hints[0].message).toMatch(new RegExp(`^${PAIRS} rows eligible .* of ${2 * PAIRS} readable rows.*${PAIRS} duplicates? of a tokenId counted once`));

		const broadcast = await runNode({ node: new OtnBroadcast(), parameters: broadcastParameters, input: eligible.map((item) => item.json), credentials: page.credentials });
		const [sent, notSent] = broadcast.outputs;
		expect(tokenIds(sent)).toEqual(issued);
		expect(notSent).toEqual([]);
		const received = await deliveriesPerToken(emulator.control, page.pageId);
		expect(tokens.map((row) => received.get(String(row.token)))).toEqual(Array(PAIRS).fill(1));

		// Write Back Sent: a Data Table Update filtered on tokenId changes every copy of the token.
		const sentByTokenId = new Map(sent.map((item) => [item.json.tokenId, item.json]));
		const writtenBack = stored.map((row) => ({ ...row, ...sentByTokenId.get(row.tokenId) }));
		expect(await tokensByTopic(stored)).toEqual([expect.objectContaining({ topic: 'deals', tokens: PAIRS, subscribers: PAIRS, available: PAIRS, used: 0 })]);
		expect(await tokensByTopic(writtenBack)).toEqual([expect.objectContaining({ topic: 'deals', tokens: PAIRS, subscribers: 0, available: 0, used: PAIRS })]);
		const byCampaign = await runNode({ node: store, parameters: { resource: 'token', operation: 'summarize', report: 'campaigns', rows: 'tokenRows' }, input: writtenBack });
		expect(byCampaign.outputs[0].map((item) => item.json)).toEqual([expect.objectContaining({ campaign: 'race-sale', sent: PAIRS })]);
	});

	it('OTN Broadcast given both copies straight from the table (no Select before it) still sends each token once', async () => {
		const page = await emulator.newPage();
		const tokens = await issuedRows(emulator.control, page.pageId, PAIRS);
		const broadcast = await runNode({ node: new OtnBroadcast(), parameters: broadcastParameters, input: raceCopies(tokens), credentials: page.credentials });
		const [sent] = broadcast.outputs;
		expect(tokenIds(sent)).toEqual(tokens.map((row) => String(row.tokenId)).sort());
		expect(sent.map((item) => item.pairedItem)).toEqual(tokens.map((_row, index) => [{ item: index }, { item: index + PAIRS }]));
		const received = await deliveriesPerToken(emulator.control, page.pageId);
		expect(tokens.map((row) => received.get(String(row.token)))).toEqual(Array(PAIRS).fill(1));
	});
});
