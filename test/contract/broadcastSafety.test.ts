// No broadcast may spend an audience it did not reach: in n8n-core's real engine against the
// emulator, a wrong credential, secret, host or Page, a proxy's page and a server error each leave
// every row's status as it was, the emulator still holds every token as available, and a run after
// the fix delivers each token exactly once.
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { OtnBroadcast } from '../../nodes/OtnBroadcast/OtnBroadcast.node';
import { runNode, type NodeRun } from '../harness/n8nEngine';
import { broadcastParameters, deliveriesPerToken, issuedRows } from './broadcastRows';
import { useEmulator, type EmulatedPage } from './emulatorFixture';
import { startFrontProxy } from './frontProxy';

const emulator = useEmulator();

const parameters = (overrides: IDataObject = {}) =>
	broadcastParameters({ text: 'The spring sale is on', options: { maxAttempts: 2 }, ...overrides });

type OnError = 'stopWorkflow' | 'continueRegularOutput';

function withPageCredential(page: EmulatedPage, changes: ICredentialDataDecryptedObject): Record<string, ICredentialDataDecryptedObject> {
	return { ...page.credentials, messengerOtnPageApi: { ...page.credentials.messengerOtnPageApi, ...changes } };
}

async function broadcast(input: IDataObject[], credentials: Record<string, ICredentialDataDecryptedObject>, onError: OnError = 'continueRegularOutput'): Promise<NodeRun> {
	return await runNode({ node: new OtnBroadcast(), parameters: parameters(), input, credentials, onError });
}

/** 3 one-time and 2 marketing rows of a fresh Page. */
async function audience(page: EmulatedPage): Promise<IDataObject[]> {
	return [...(await issuedRows(emulator.control, page.pageId, 3)), ...(await issuedRows(emulator.control, page.pageId, 2, 'marketing'))];
}

const statusById = (items: Array<{ json: IDataObject }>) => Object.fromEntries(items.map((item) => [item.json.tokenId, item.json.status]));

/** What the emulator, standing in for Meta, says of the Page's tokens. */
async function emulatorTokenStatuses(pageId: string): Promise<string[]> {
	return (await emulator.control.tokens(pageId)).map((token) => token.status);
}

/** Prints what the case's run made of the rows, and what the emulator holds, before anything is asserted. */
async function report(label: string, run: NodeRun, pageId: string): Promise<void> {
	const count = (values: unknown[]) => JSON.stringify(values.reduce<Record<string, number>>((all, value) => ({ ...all, [String(value)]: (all[String(value)] ?? 0) + 1 }), {}));
	const rowStatuses = (run.outputs[1] ?? []).map((item) => item.json.status);
	console.log(
		`broadcast safety, ${label}: sent ${(run.outputs[0] ?? []).length}, not sent statuses ${count(rowStatuses)}` +
			`${run.error ? ` (node failed: ${run.error.message})` : ''}; emulator tokens ${count(await emulatorTokenStatuses(pageId))}, ` +
			`deliveries ${(await emulator.control.deliveries({ pageId })).length}`,
	);
}

/** The case's run changed no row, sent nothing, and a run with the right credential then sends each token once. */
async function expectNothingSpentThenOnce(page: EmulatedPage, rows: IDataObject[], run: NodeRun): Promise<void> {
	const [sent, notSent] = run.outputs;
	expect(sent).toEqual([]);
	expect(statusById(notSent)).toEqual(Object.fromEntries(rows.map((row) => [row.tokenId, 'available'])));
	expect(await emulator.control.deliveries({ pageId: page.pageId })).toHaveLength(0);
	expect(await emulatorTokenStatuses(page.pageId)).toEqual(Array(rows.length).fill('available'));

	// The rows as the failed run wrote them back, broadcast with the right credential.
	const fixed = await broadcast(notSent.map((item) => item.json), page.credentials);
	expect(fixed.outputs[0]).toHaveLength(rows.length);
	const again = await broadcast(fixed.outputs[0].map((item) => item.json), page.credentials);
	expect(again.outputs[0]).toEqual([]);
	const perToken = await deliveriesPerToken(emulator.control, page.pageId);
	console.log(`  after the fix: sent ${fixed.outputs[0].length}, re-run sent ${again.outputs[0].length}, deliveries per token ${JSON.stringify(rows.map((row) => perToken.get(String(row.token)) ?? 0))}`);
	expect(rows.map((row) => perToken.get(String(row.token)))).toEqual(Array(rows.length).fill(1));
}

describe('a broadcast that cannot reach its audience spends none of it', () => {
	it('a wrong App Secret: stops before the first send; with On Error stop the node fails saying what to fix', async () => {
		const page = await emulator.newPage();
		const rows = await audience(page);
		const wrongSecret = withPageCredential(page, { appSecret: 'a-mistyped-app-secret' });

		const failed = await broadcast(rows, wrongSecret, 'stopWorkflow');
		expect(failed.error?.message).toMatch(/appsecret_proof/);
		expect(failed.error?.description).toMatch(/no row was changed/);
		expect(JSON.stringify(failed.run.data.resultData)).not.toContain('a-mistyped-app-secret');

		const run = await broadcast(rows, wrongSecret);
		await report('wrong App Secret', run, page.pageId);
		expect(run.outputs[1][0].json.error).toMatch(/^stop: Meta refused the appsecret_proof.*Nothing was sent and this row is as it was/);
		expect(run.hints[0].message).toMatch(/nothing was sent and no row was changed/);
		await expectNothingSpentThenOnce(page, rows, run);
	});

	it('an app that requires appsecret_proof and a credential without App Secret', async () => {
		const page = await emulator.newPage({ requireAppSecretProof: true, withAppSecret: false });
		const rows = await audience(page);
		const run = await broadcast(rows, page.credentials);
		await report('appsecret_proof required, none in the credential', run, page.pageId);
		expect(run.outputs[1][0].json.error).toMatch(/^stop: Meta refused the appsecret_proof/);
		expect(await emulator.control.deliveries({ pageId: page.pageId })).toHaveLength(0);
		expect(await emulatorTokenStatuses(page.pageId)).toEqual(Array(rows.length).fill('available'));
		// The fix: the App Secret in the credential.
		const fixedPage = { ...page, credentials: withPageCredential(page, { appSecret: page.app.appSecret }) };
		await expectNothingSpentThenOnce(fixedPage, rows, { ...run, outputs: [[], run.outputs[1]] });
	});

	it('an expired Page token', async () => {
		const page = await emulator.newPage();
		const rows = await audience(page);
		const run = await broadcast(rows, withPageCredential(page, { accessToken: 'EXPIRED-PAGE-TOKEN' }));
		await report('expired Page token', run, page.pageId);
		expect(run.outputs[1][0].json.error).toMatch(/^stop: Meta refused the Page access token/);
		expect(JSON.stringify(run.outputs)).not.toContain('EXPIRED-PAGE-TOKEN');
		await expectNothingSpentThenOnce(page, rows, run);
	});

	it.each([
		['not a URL', 'graph facebook com'],
		['nothing listening there', 'http://127.0.0.1:9'],
	])('a wrong Graph Host (%s) is a configuration stop, not "may have been delivered"', async (_name, graphHost) => {
		const page = await emulator.newPage();
		const rows = await audience(page);
		const run = await broadcast(rows, withPageCredential(page, { graphHost }));
		await report(`wrong Graph Host (${graphHost})`, run, page.pageId);
		const error = String(run.outputs[1][0].json.error);
		expect(error).toMatch(/^stop: The Graph API cannot be reached .*Graph Host/);
		expect(error).not.toMatch(/may have been delivered/);
		await expectNothingSpentThenOnce(page, rows, run);
	});

	it("rows of another Page are never sent, keep their status and name both Pages; that Page's own broadcast sends them", async () => {
		const pageA = await emulator.newPage();
		const pageB = await emulator.newPage();
		const rowsA = await issuedRows(emulator.control, pageA.pageId, 2);
		const rowsB = await audience(pageB);

		const run = await broadcast([...rowsA, ...rowsB], pageA.credentials);
		await report("another Page's rows (Page B's emulator record)", run, pageB.pageId);
		const [sent, notSent] = run.outputs;
		expect(sent.map((item) => item.json.tokenId)).toEqual(rowsA.map((row) => row.tokenId));
		expect(statusById(notSent)).toEqual(Object.fromEntries(rowsB.map((row) => [row.tokenId, 'available'])));
		expect(notSent[0].json.error).toContain(`belongs to Page ${pageB.pageId}, but the credential's token speaks for Page ${pageA.pageId}`);
		expect(run.hints[0].message).toMatch(/not sent 5 \(5 otherPage\)/);
		expect(await emulator.control.deliveries({ pageId: pageB.pageId })).toHaveLength(0);
		expect(await emulatorTokenStatuses(pageB.pageId)).toEqual(Array(rowsB.length).fill('available'));
		await expectNothingSpentThenOnce(pageB, rowsB, { ...run, outputs: [[], notSent] });
	});

	it("an HTML 400 from a proxy in front of Meta stops the run and spends nothing", async () => {
		const page = await emulator.newPage();
		const rows = await audience(page);
		const proxy = await startFrontProxy(emulator.url, {
			status: 400,
			contentType: 'text/html',
			body: '<html><head><title>400 Bad Request</title></head><body><h1>Request blocked by the gateway</h1></body></html>',
		});
		try {
			const run = await broadcast(rows, withPageCredential(page, { graphHost: proxy.url }));
			await report('HTML 400 from a proxy', run, page.pageId);
			expect(proxy.answered).toBeGreaterThan(0);
			expect(run.outputs[1][0].json.error).toMatch(/^stop: The answer \(HTTP 400\) is not the Graph API's/);
			expect(run.hints[0].message).toMatch(/none of their tokens was spent/);
			await expectNothingSpentThenOnce(page, rows, run);
		} finally {
			await proxy.close();
		}
	});

	it('an HTTP 500 carrying code 100 is retried and kept as "may have been delivered", never spent', async () => {
		const page = await emulator.newPage();
		const rows = await audience(page);
		const proxy = await startFrontProxy(emulator.url, {
			status: 500,
			contentType: 'application/json',
			body: JSON.stringify({ error: { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100, fbtrace_id: 'T500' } }),
		});
		try {
			const run = await broadcast(rows, withPageCredential(page, { graphHost: proxy.url }));
			await report('HTTP 500 with code 100', run, page.pageId);
			expect(proxy.answered).toBeGreaterThanOrEqual(2);
			const errors = run.outputs[1].map((item) => String(item.json.error));
			expect(errors.every((error) => /^transient: Meta answered HTTP 500 \(code 100\).*may have been delivered/.test(error))).toBe(true);
			await expectNothingSpentThenOnce(page, rows, run);
		} finally {
			await proxy.close();
		}
	});
});

describe('through the paid Marketing Message API, a refused credential or ad account spends nothing', () => {

	const paidParameters = (campaignId: string) => ({ ...parameters(), sendThrough: 'paidApi', campaignId, minConversationGapSeconds: 0 });

	it.each([
		['a wrong system user token', { accessToken: 'EXPIRED-SYSTEM-USER-TOKEN' }, /system user's access token/],
		['a wrong App Secret', { appSecret: 'a-mistyped-app-secret' }, /appsecret_proof/],
		['an ad account the system user cannot reach', { adAccountId: 'act_999999999' }, /ad account or campaign does not exist/],
	] as const)('%s stops before the first paid send; the fixed credential then sends each token once', async (_name, change, reason) => {
		const { page, campaignId } = await emulator.paidPageWithCampaign();
		const rows = await issuedRows(emulator.control, page.pageId, 3, 'marketing');
		const credentials = { ...page.credentials, messengerOtnMarketingApi: { ...page.credentials.messengerOtnMarketingApi, ...change } };

		const run = await runNode({ node: new OtnBroadcast(), parameters: paidParameters(campaignId), input: rows, credentials, onError: 'continueRegularOutput' });
		await report(`paid API, ${_name}`, run, page.pageId);
		const [sent, notSent] = run.outputs;
		expect(sent).toEqual([]);
		expect(statusById(notSent)).toEqual(Object.fromEntries(rows.map((row) => [row.tokenId, 'available'])));
		expect(String(notSent[0].json.error)).toMatch(reason);
		expect(JSON.stringify(run.outputs)).not.toMatch(/EXPIRED-SYSTEM-USER-TOKEN|a-mistyped-app-secret/);
		expect(await emulator.control.paid.messages({ pageId: page.pageId })).toEqual([]);
		expect(await emulatorTokenStatuses(page.pageId)).toEqual(Array(rows.length).fill('available'));

		const fixed = await runNode({ node: new OtnBroadcast(), parameters: paidParameters(campaignId), input: notSent.map((item) => item.json), credentials: page.credentials });
		expect(fixed.outputs[0]).toHaveLength(rows.length);
		const paid = await emulator.control.paid.messages({ pageId: page.pageId });
		expect(paid.map((message) => message.token).sort()).toEqual(rows.map((row) => String(row.token)).sort());
	});
});
