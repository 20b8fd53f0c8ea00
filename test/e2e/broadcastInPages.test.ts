/**
 * A campaign in pages in the real n8n, with examples/broadcast-in-pages-data-table.json as shipped:
 * 1,200 subscribers in pages of 500, each page its own execution. Every token is delivered once by
 * Meta's (the emulator's) record, every row is written back, no execution holds more than a page,
 * and the campaign run again delivers nothing.
 */
import { issuedTokenRows } from '../../bench/broadcast/tokenRows';
import { createTokenTable } from '../../scripts/demo/tokenTable';
import { dataTableRows } from '../../scripts/n8n/n8n-data-tables';
import { type Execution, executions } from '../../scripts/n8n/n8n-workflows';
import { e2eInstance } from './e2e-instance';
import { newE2ePage, type E2ePage } from './messengerPage';
import { insertTokenRows, type PagedCampaign, publishPagedCampaign } from './pagedCampaign';
import { waitFor } from './waitFor';

const n8n = e2eInstance();
const SUBSCRIBERS = 1200;
const PAGE_SIZE = 500;
const CAMPAIGN = 'deals-in-pages';
const CAMPAIGN_TIMEOUT_MS = 240_000;
// 1,200 Data Table updates take about two minutes on a busy 2-core machine.
jest.setTimeout(300_000);

type ExecutionWithMode = Execution & { mode: string };

/** The campaign runs (started by the webhook) and the page runs (started by *Send One Page*), once all have finished. */
async function settled(workflowId: string, campaigns: number): Promise<{ campaigns: ExecutionWithMode[]; pages: ExecutionWithMode[] }> {
	const all = await waitFor(
		async () => (await executions(n8n, workflowId)) as ExecutionWithMode[],
		(found) =>
			found.filter((execution) => execution.mode === 'webhook' && execution.finished).length >= campaigns &&
			found.every((execution) => execution.status !== 'running'),
		CAMPAIGN_TIMEOUT_MS,
	);
	return { campaigns: all.filter((execution) => execution.mode === 'webhook'), pages: all.filter((execution) => execution.mode !== 'webhook') };
}

function itemsOf(execution: Execution): Array<Record<string, unknown>> {
	return Object.values(execution.data?.resultData.runData ?? {}).flatMap((runs) =>
		runs.flatMap((run) => (run.data?.main ?? []).flatMap((output) => (output ?? []).map((item) => item.json))),
	);
}

function outputOf(execution: Execution, node: string): Array<Record<string, unknown>> {
	return (execution.data?.resultData.runData[node] ?? []).flatMap((run) => run.data?.main[0] ?? []).map((item) => item.json);
}

describe('a campaign in pages in a real n8n (Data Table template as shipped)', () => {
	let page: E2ePage;
	let campaign: PagedCampaign;
	let tableId = '';
	let tokens: string[] = [];
	const deliveredTokens = async () => (await page.control.deliveries({ pageId: page.pageId, via: 'one_time_notif_token' })).map((delivery) => delivery.token);

	beforeAll(async () => {
		page = await newE2ePage(n8n, 'Paged campaign');
		const rows = await issuedTokenRows(page.control, page.pageId, SUBSCRIBERS);
		tokens = rows.map((row) => String(row.token));
		const table = await createTokenTable(n8n, `otn_tokens_paged_${page.app.appId}`);
		tableId = table.id;
		await insertTokenRows(n8n, tableId, rows);
		// Saving successful executions, which the template turns off, lets the test read each page's execution.
		campaign = await publishPagedCampaign(n8n, { pageCredential: page.credential, tableId, settings: { saveDataSuccessExecution: 'all' } });
	}, 180_000);

	it('delivers every token once, writes every row back, and keeps each execution to one page', async () => {
		await campaign.start({ pageSize: PAGE_SIZE, ratePerSecond: 250, campaign: CAMPAIGN });
		const { campaigns, pages } = await settled(campaign.workflowId, 1);

		expect(campaigns.map((execution) => execution.status)).toEqual(['success']);
		expect(pages.map((execution) => execution.status)).toEqual(pages.map(() => 'success'));
		const delivered = await deliveredTokens();
		expect(delivered).toHaveLength(SUBSCRIBERS);
		expect(new Set(delivered)).toEqual(new Set(tokens));

		const rows = await dataTableRows(n8n, tableId);
		expect(rows).toHaveLength(SUBSCRIBERS);
		expect(rows.filter((row) => row.status !== 'used' || row.campaign !== CAMPAIGN)).toEqual([]);

		// Three pages: 499 subscribers, 499 and the 202 left (a full page leaves its last subscriber to the next).
		expect(pages.map((execution) => outputOf(execution, 'Page of Token Rows').length).sort()).toEqual([202, 500, 500]);
		for (const execution of pages) expect(outputOf(execution, 'Page of Token Rows').length).toBeLessThanOrEqual(PAGE_SIZE);
		// The campaign's own execution holds where each page ended, never a token row.
		const campaignItems = itemsOf(campaigns[0]);
		expect(campaignItems.filter((item) => 'token' in item)).toEqual([]);
		expect(outputOf(campaigns[0], 'Send One Page').map((item) => item.morePages)).toEqual([true, true, false]);
		const read = pages.map((execution) => outputOf(execution, 'Page of Token Rows').length).join(', ');
		console.log(
			`paged campaign: ${SUBSCRIBERS} tokens in pages of ${PAGE_SIZE}: ${pages.length} page executions (rows read ${read}), ${delivered.length} delivered, ${new Set(delivered).size} distinct tokens`,
		);
	});

	it('run again, delivers nothing', async () => {
		await campaign.start({ pageSize: PAGE_SIZE, ratePerSecond: 250, campaign: CAMPAIGN });
		const { campaigns } = await settled(campaign.workflowId, 2);
		expect(campaigns.map((execution) => execution.status)).toEqual(['success', 'success']);
		expect(await deliveredTokens()).toHaveLength(SUBSCRIBERS);
		console.log(`paged campaign run again: ${(await deliveredTokens()).length - SUBSCRIBERS} more deliveries`);
	});
});
