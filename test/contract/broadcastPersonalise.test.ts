// Personalisation in n8n-core's real engine against the emulator: OTN Broadcast fills {{first_name}}
// and {{full_name}} from Meta's User Profile API, once per subscriber, and falls back without
// changing any row when the profile cannot be read; the paid API's Audience Preview carries Meta's
// delivery estimate, or its error, and sends nothing.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { OtnBroadcast } from '../../nodes/OtnBroadcast/OtnBroadcast.node';
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { runNode } from '../harness/n8nEngine';
import { broadcastParameters, issuedRows } from './broadcastRows';
import { useEmulator } from './emulatorFixture';

const emulator = useEmulator();
const TEXT = 'Hi {{first_name}}, the sale is on ({{full_name}})';

/** The text each subscriber received, by the emulator's record. */
async function receivedTexts(pageId: string): Promise<Map<string, string>> {
	const texts = new Map<string, string>();
	for (const delivery of await emulator.control.deliveries({ pageId })) texts.set(delivery.psid, String(delivery.message.text));
	return texts;
}

/** Graph calls the Page made besides the check of the credential and the sends: its profile lookups. */
async function profileLookups(pageId: string, sends: number): Promise<number> {
	const calls = (await emulator.control.stats()).pages.find((entry) => entry.key === pageId)?.calls ?? 0;
	return calls - 1 - sends;
}

describe('OTN Broadcast personalises messages', () => {
	it("sends each subscriber their own name, the fallback to one without a profile, and reads each profile once", async () => {
		const page = await emulator.newPage();
		const named = [];
		for (const name of ['Ada Lovelace', 'Grace Brewster Hopper', 'Alan Turing']) named.push(...(await issuedRows(emulator.control, page.pageId, 1, 'one_time', 'deals', { name })));
		const [nameless] = await issuedRows(emulator.control, page.pageId, 1, 'one_time', 'deals', { firstName: null, lastName: null });
		// A second token of the first subscriber: still one profile lookup for them.
		const issued = await emulator.control.issueToken(page.pageId, { psid: String(named[0].psid), type: 'one_time', payload: 'deals', title: 'Deals' });
		const again = { ...named[0], token: issued.token, tokenId: tokenIdOf(issued.token) };
		await emulator.control.resetStats();
		const run = await runNode({
			node: new OtnBroadcast(),
			parameters: broadcastParameters({ text: TEXT, options: { batchSize: 1, nameFallback: 'friend' } }),
			input: [...named, nameless, again],
			credentials: page.credentials,
		});
		expect(run.error).toBeUndefined();
		const [sent, notSent] = run.outputs;
		expect(notSent).toEqual([]);
		expect(sent.map((item) => item.json.status)).toEqual(['used', 'used', 'used', 'used', 'used']);

		const texts = await receivedTexts(page.pageId);
		for (const row of named) {
			const truth = await emulator.control.subscriber(page.pageId, String(row.psid));
			expect(texts.get(String(row.psid))).toBe(`Hi ${truth.firstName}, the sale is on (${truth.firstName} ${truth.lastName})`);
		}
		expect(texts.get(String(nameless.psid))).toBe('Hi friend, the sale is on (friend)');
		expect(await profileLookups(page.pageId, 5)).toBe(4);
		expect(texts.get(String(named[1].psid))).toBe('Hi Grace, the sale is on (Grace Brewster Hopper)');
		// The names stay in the messages: the rows written back hold none. As words: a random token or
		// message id may hold the letters "Ada" by chance (one run's token held "…qs4AdaIJ7…").
		for (const name of ['Ada', 'Lovelace', 'Grace', 'Turing']) expect(JSON.stringify(run.outputs)).not.toMatch(new RegExp(`\\b${name}\\b`));
	});

	it('sends the fallback to everyone, every row as a normal send, when the Page may not read profiles', async () => {
		const page = await emulator.newPage();
		const rows = await issuedRows(emulator.control, page.pageId, 3);
		await emulator.control.setProfileAccess(page.pageId, false);
		const run = await runNode({ node: new OtnBroadcast(), parameters: broadcastParameters({ text: TEXT }), input: rows, credentials: page.credentials });
		expect(run.error).toBeUndefined();
		expect(run.outputs[0].map((item) => item.json)).toEqual(rows.map((row) => expect.objectContaining({ tokenId: row.tokenId, status: 'used', error: null })));
		expect([...(await receivedTexts(page.pageId)).values()]).toEqual(Array(3).fill('Hi there, the sale is on (there)'));
	});

	it('makes no profile lookup for a message without a macro, and keeps the macro text of an expression that writes it out', async () => {
		const page = await emulator.newPage();
		const rows = await issuedRows(emulator.control, page.pageId, 2);
		await emulator.control.resetStats();
		const plain = await runNode({ node: new OtnBroadcast(), parameters: broadcastParameters({ text: 'The sale is on', options: { batchSize: 1 } }), input: rows, credentials: page.credentials });
		expect(plain.outputs[0]).toHaveLength(2);
		expect(await profileLookups(page.pageId, 2)).toBe(0);

		// In an expression, n8n would read {{first_name}} itself: the README's way writes the macro as a string.
		const more = await issuedRows(emulator.control, page.pageId, 1);
		const truth = await emulator.control.subscriber(page.pageId, String(more[0].psid));
		const expression = await runNode({
			node: new OtnBroadcast(),
			parameters: broadcastParameters({ text: '=Hi {{ "{{" }}first_name}}, {{ $json.topic }} are on' }),
			input: more,
			credentials: page.credentials,
		});
		expect(expression.error).toBeUndefined();
		expect((await receivedTexts(page.pageId)).get(String(more[0].psid))).toBe(`Hi ${truth.firstName}, deals are on`);
	});

	it("shows the first three messages with their subscriber's name in the Dry Run's Audience Preview, with no send", async () => {
		const page = await emulator.newPage();
		const rows = await issuedRows(emulator.control, page.pageId, 4);
		const run = await runNode({
			node: new OtnBroadcast(),
			parameters: broadcastParameters({ text: TEXT, dryRun: true, dryRunOutput: 'preview', ratePerSecond: 2 }),
			input: rows,
			credentials: page.credentials,
		});
		expect(run.error).toBeUndefined();
		// Four subscribers to look up and four sends at the Send Rate of 2 per second.
		expect(run.outputs[0][0].json).toMatchObject({ eligible: 4, nameLookups: 4, estimatedSeconds: 4 });
		const messages = run.outputs[0][0].json.messages as IDataObject[];
		const expected = [];
		for (const row of rows.slice(0, 3)) {
			const truth = await emulator.control.subscriber(page.pageId, String(row.psid));
			expected.push({ text: `Hi ${truth.firstName}, the sale is on (${truth.firstName} ${truth.lastName})` });
		}
		expect(messages.map((shown) => shown.message)).toEqual(expected);
		expect(await emulator.control.deliveries({ pageId: page.pageId })).toHaveLength(0);
	});
});

describe("the paid API's Audience Preview", () => {
	const paidPreview = (campaignId: string, options: INodeParameters = {}): INodeParameters => ({
		sendThrough: 'paidApi',
		campaignId,
		minConversationGapSeconds: 0,
		messageType: 'text',
		text: 'The spring sale is on',
		ratePerSecond: 10,
		dryRun: true,
		dryRunOutput: 'preview',
		options,
	});

	it("carries Meta's delivery and cost estimate for the rows' Page, and sends nothing", async () => {
		const { page, campaignId } = await emulator.paidPageWithCampaign();
		const rows = await issuedRows(emulator.control, page.pageId, 3, 'marketing');
		const run = await runNode({ node: new OtnBroadcast(), parameters: paidPreview(campaignId), input: rows, credentials: page.credentials });
		expect(run.error).toBeUndefined();
		const preview = run.outputs[0][0].json;
		expect(preview.eligible).toBe(3);
		const estimate = (preview.deliveryEstimate as IDataObject).byPage as IDataObject;
		expect(estimate[page.pageId]).toMatchObject({
			estimate_delivery: 3,
			estimate_delivery_lower_bound: expect.any(Number),
			estimate_delivery_upper_bound: expect.any(Number),
			estimate_cost: expect.anything(),
		});
		expect((preview.deliveryEstimate as IDataObject).targetingSpec).toEqual({ geo_locations: { countries: ['US'] } });
		expect(await emulator.control.paid.messages({ pageId: page.pageId })).toHaveLength(0);
		expect(run.outputs[1]).toEqual([]);
	});

	it("still comes out when Meta refuses the estimate, with Meta's error in its place and the rows as they were", async () => {
		const { page, campaignId } = await emulator.paidPageWithCampaign();
		const rows = await issuedRows(emulator.control, page.pageId, 2, 'marketing');
		const run = await runNode({
			node: new OtnBroadcast(),
			parameters: paidPreview(campaignId, { estimateTargetingSpec: '{ "geo_locations": { "countries": ["US"] }' }),
			input: rows,
			credentials: page.credentials,
		});
		expect(run.error).toBeUndefined();
		expect(run.outputs[0][0].json.deliveryEstimate).toEqual({ error: 'The Delivery Estimate Targeting Spec is not a JSON object', fix: expect.stringContaining('geo_locations') });

		// Rows of a Page the ad account is not connected to: Meta refuses to estimate for it.
		const otherPage = await emulator.newPage();
		const otherRows = await issuedRows(emulator.control, otherPage.pageId, 2, 'marketing');
		const refused = await runNode({ node: new OtnBroadcast(), parameters: paidPreview(campaignId), input: otherRows, credentials: page.credentials });
		expect(refused.error).toBeUndefined();
		const byPage = (refused.outputs[0][0].json.deliveryEstimate as IDataObject).byPage as IDataObject;
		expect(byPage[otherPage.pageId]).toMatchObject({ error: expect.stringMatching(/^Meta gave no delivery estimate: /), code: 100, metaMessage: expect.stringContaining('promoted_object') });
		expect(refused.outputs[0][0].json.eligible).toBe(2);
		expect(refused.outputs[1]).toEqual([]);
		expect(await emulator.control.paid.messages({ pageId: otherPage.pageId })).toHaveLength(0);
	});
});
