/**
 * A campaign in pages in the real n8n, with examples/broadcast-in-pages-data-table.json and
 * broadcast-in-pages-postgres.json as shipped (PostgreSQL: a server this test starts, the table of
 * examples/otn-tokens.postgres.sql): 1,200 subscribers in pages of 500, each page its own execution. Every token is delivered once by
 * Meta's (the emulator's) record, every row is written back, no execution holds more than a page,
 * and the campaign run again delivers nothing. When Meta reports the Page's budget spent part-way, the
 * campaign ends at that page with Meta's time to run again, its unsent rows still `available`, and a
 * later run delivers the rest, each subscriber once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { issuedTokenRows } from '../../bench/broadcast/tokenRows';
import type { TokenRow } from '../../nodes/shared/tokens/tokenRow';
import { createTokenTable } from '../../scripts/demo/tokenTable';
import { createCredential } from '../../scripts/n8n/n8n-api';
import { dataTableRows } from '../../scripts/n8n/n8n-data-tables';
import { type Execution, executions } from '../../scripts/n8n/n8n-workflows';
import { repoRoot } from '../../scripts/n8n/runtime';
import { insertTokenRowsWithPsql, postgresCredentialData, startThrowawayPostgres, type ThrowawayPostgres } from '../../scripts/postgres/throwawayPostgres';
import { e2eInstance } from './e2e-instance';
import { newE2ePage, type E2ePage } from './messengerPage';
import { insertTokenRows, PAGED_EXAMPLES, type PagedCampaign, type PagedCampaignFill, publishPagedCampaign, SHARD_IN_PAGES_EXAMPLE } from './pagedCampaign';
import { waitFor } from './waitFor';

const n8n = e2eInstance();
const SUBSCRIBERS = 1200;
const PAGE_SIZE = 500;
const CAMPAIGN = 'deals-in-pages';
const CAMPAIGN_TIMEOUT_MS = 240_000;
// 1,200 Data Table updates take about two minutes on a busy 2-core machine.
jest.setTimeout(300_000);

type ExecutionWithMode = Execution & { mode: string };

const ENDED = ['success', 'error', 'crashed', 'canceled'];

/** The campaign runs (started by the webhook) and the page runs (started by *Send One Page*), once all have ended. */
async function settled(workflowId: string, campaigns: number): Promise<{ campaigns: ExecutionWithMode[]; pages: ExecutionWithMode[] }> {
	const all = await waitFor(
		async () => (await executions(n8n, workflowId)) as ExecutionWithMode[],
		(found) =>
			found.filter((execution) => execution.mode === 'webhook' && ENDED.includes(execution.status)).length >= campaigns &&
			found.every((execution) => ENDED.includes(execution.status)),
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

/** Where the template keeps the rows: what the test fills in, how it puts rows in and reads them back. */
interface TokenStore {
	fill: Omit<PagedCampaignFill, 'file' | 'pageCredential'>;
	insert(rows: TokenRow[]): Promise<void>;
	rows(): Promise<Array<Record<string, unknown>>>;
	stop?(): void;
}

async function dataTableStore(label: string): Promise<TokenStore> {
	const table = await createTokenTable(n8n, `otn_tokens_paged_${label}`);
	return { fill: { tableId: table.id }, insert: (rows) => insertTokenRows(n8n, table.id, rows), rows: () => dataTableRows(n8n, table.id) };
}

async function postgresStore(): Promise<TokenStore> {
	const pg: ThrowawayPostgres = await startThrowawayPostgres('otn_paged_e2e');
	pg.query(readFileSync(join(repoRoot, 'examples', 'otn-tokens.postgres.sql'), 'utf8'));
	const credential = await createCredential(n8n, {
		name: `Paged campaign Postgres (${pg.port})`,
		type: 'postgres',
		data: postgresCredentialData(pg),
	});
	return {
		fill: { credentials: { postgres: credential } },
		insert: async (rows) => insertTokenRowsWithPsql((sql) => pg.query(sql), rows, 100),
		rows: async () => JSON.parse(pg.query(`SELECT coalesce(json_agg(t), '[]') FROM otn_tokens t`)),
		stop: () => pg.stop(),
	};
}

// Installing PostgreSQL from Debian's packages on a fresh machine takes a minute or two.
const SETUP_TIMEOUT_MS = 10 * 60 * 1000;

/** What a describe's tests share: a new Page, its subscribers' rows in the store, the published template. */
interface PagedSetup {
	page: E2ePage;
	campaign: PagedCampaign;
	store: TokenStore;
	tokens: string[];
	deliveredTokens(): Promise<string[]>;
}

/** Sets a describe up: `subscribers` opted-in rows of a new Page in the store, and the template published. */
function usePagedCampaign(label: string, storeName: string, file: string, subscribers: number, startNode?: string): PagedSetup {
	const setup = {
		tokens: [] as string[],
		deliveredTokens: async () => (await setup.page.control.deliveries({ pageId: setup.page.pageId, via: 'one_time_notif_token' })).map((delivery) => delivery.token),
	} as PagedSetup;
	beforeAll(async () => {
		setup.page = await newE2ePage(n8n, label);
		const rows = await issuedTokenRows(setup.page.control, setup.page.pageId, subscribers);
		setup.tokens = rows.map((row) => String(row.token));
		setup.store = storeName === 'PostgreSQL' ? await postgresStore() : await dataTableStore(setup.page.app.appId);
		await setup.store.insert(rows);
		// Saving successful executions, which the template turns off, lets the test read each page's execution.
		setup.campaign = await publishPagedCampaign(n8n, { file, startNode, pageCredential: setup.page.credential, ...setup.store.fill, settings: { saveDataSuccessExecution: 'all' } });
	}, SETUP_TIMEOUT_MS);
	afterAll(() => setup.store?.stop?.());
	return setup;
}

/** Each store's paged template as shipped, for the tests below. */
const PAGED_TEMPLATES = [
	['Data Table', PAGED_EXAMPLES.dataTable],
	['PostgreSQL', PAGED_EXAMPLES.postgres],
] as const;

describe.each(PAGED_TEMPLATES)('a campaign in pages in a real n8n (%s template as shipped)', (storeName, file) => {
	const setup = usePagedCampaign('Paged campaign', storeName, file, SUBSCRIBERS);

	it('delivers every token once, writes every row back, and keeps each execution to one page', async () => {
		await setup.campaign.start({ pageSize: PAGE_SIZE, ratePerSecond: 250, campaign: CAMPAIGN });
		const { campaigns, pages } = await settled(setup.campaign.workflowId, 1);

		expect(campaigns.map((execution) => execution.status)).toEqual(['success']);
		expect(pages.map((execution) => execution.status)).toEqual(pages.map(() => 'success'));
		const delivered = await setup.deliveredTokens();
		expect(delivered).toHaveLength(SUBSCRIBERS);
		expect(new Set(delivered)).toEqual(new Set(setup.tokens));

		const rows = await setup.store.rows();
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
			`paged campaign (${storeName}): ${SUBSCRIBERS} tokens in pages of ${PAGE_SIZE}: ${pages.length} page executions (rows read ${read}), ${delivered.length} delivered, ${new Set(delivered).size} distinct tokens`,
		);
	});

	it('run again, delivers nothing', async () => {
		await setup.campaign.start({ pageSize: PAGE_SIZE, ratePerSecond: 250, campaign: CAMPAIGN });
		const { campaigns } = await settled(setup.campaign.workflowId, 2);
		expect(campaigns.map((execution) => execution.status)).toEqual(['success', 'success']);
		expect(await setup.deliveredTokens()).toHaveLength(SUBSCRIBERS);
		console.log(`paged campaign (${storeName}) run again: ${(await setup.deliveredTokens()).length - SUBSCRIBERS} more deliveries`);
	});
});

// Calls the Page's budget allows in the test below: the first page (1 check + 199 sends) fits, the second runs out part-way.
const BUDGET_SUBSCRIBERS = 600;
const BUDGET_PAGE_SIZE = 200;
const BUDGET_CALLS = 300;

describe.each(PAGED_TEMPLATES)('a campaign in pages that meets the Page budget in a real n8n (%s template as shipped)', (storeName, file) => {
	const setup = usePagedCampaign('Paged campaign budget', storeName, file, BUDGET_SUBSCRIBERS);

	it('stops the campaign at the page where Meta reports the budget spent, says when to run again, and leaves the rest available', async () => {
		await setup.page.control.setPageBudget({ pageId: setup.page.pageId, callsPer24h: BUDGET_CALLS });
		await setup.campaign.start({ pageSize: BUDGET_PAGE_SIZE, ratePerSecond: 250, campaign: CAMPAIGN });
		const { campaigns, pages } = await settled(setup.campaign.workflowId, 1);

		// Four pages would cover the audience (199, 199, 199 and 3 subscribers): the third and fourth never ran.
		expect(pages).toHaveLength(2);
		expect(campaigns.map((execution) => execution.status)).toEqual(['error']);
		const reason = campaigns[0].data?.resultData.error?.message ?? '';
		expect(reason).toMatch(/stopped before its next page: Meta reports the budget spent .*Meta expects access back in about \d+ min, around \d\d:\d\d UTC; run again then/);

		const delivered = await setup.deliveredTokens();
		expect(delivered.length).toBeGreaterThanOrEqual(BUDGET_PAGE_SIZE - 1);
		expect(delivered.length).toBeLessThan(2 * (BUDGET_PAGE_SIZE - 1));
		expect(new Set(delivered).size).toBe(delivered.length);
		// Only Meta's word changes a row: every delivered token is used, every other row still available.
		const rows = await setup.store.rows();
		const deliveredSet = new Set(delivered);
		expect(rows.filter((row) => deliveredSet.has(String(row.token))).map((row) => row.status)).toEqual(delivered.map(() => 'used'));
		expect(rows.filter((row) => !deliveredSet.has(String(row.token))).map((row) => row.status)).toEqual(
			Array.from({ length: BUDGET_SUBSCRIBERS - delivered.length }, () => 'available'),
		);
		console.log(`paged campaign (${storeName}) with a budget of ${BUDGET_CALLS} calls: ${pages.length} page executions, ${delivered.length} delivered; "${reason}"`);
	});

	it('run again once the budget is back, delivers the rest, each subscriber once', async () => {
		await setup.page.control.setPageBudget({ pageId: setup.page.pageId, callsPer24h: 1_000_000 });
		await setup.campaign.start({ pageSize: BUDGET_PAGE_SIZE, ratePerSecond: 250, campaign: CAMPAIGN });
		const { campaigns } = await settled(setup.campaign.workflowId, 2);

		expect(campaigns.map((execution) => execution.status).sort()).toEqual(['error', 'success']);
		const delivered = await setup.deliveredTokens();
		expect(delivered).toHaveLength(BUDGET_SUBSCRIBERS);
		expect(new Set(delivered)).toEqual(new Set(setup.tokens));
		expect((await setup.store.rows()).filter((row) => row.status !== 'used')).toEqual([]);
		console.log(`paged campaign (${storeName}) run again with the budget back: ${delivered.length} delivered to ${new Set(delivered).size} subscribers`);
	});
});

describe('one audience in 2 shards, each page by page, in a real n8n (broadcast-shard-in-pages-postgres.json as shipped, regular mode)', () => {
	const SHARD_SUBSCRIBERS = 600;
	const setup = usePagedCampaign('Shards in pages', 'PostgreSQL', SHARD_IN_PAGES_EXAMPLE, SHARD_SUBSCRIBERS, 'Shard Start');

	it("sends each shard's subscribers in pages at its share of the rate: every token once, every row written back", async () => {
		const start = { campaign: CAMPAIGN, topic: 'deals', text: 'Deals weekend', ratePerSecond: 200, shardCount: 2, pageSize: 150 };
		await Promise.all([setup.campaign.start({ ...start, shardNumber: 1 }), setup.campaign.start({ ...start, shardNumber: 2 })]);
		const { campaigns, pages } = await settled(setup.campaign.workflowId, 2);

		expect(campaigns.map((execution) => execution.status)).toEqual(['success', 'success']);
		const delivered = await setup.deliveredTokens();
		expect(delivered).toHaveLength(SHARD_SUBSCRIBERS);
		expect(new Set(delivered)).toEqual(new Set(setup.tokens));
		expect((await setup.store.rows()).filter((row) => row.status !== 'used')).toEqual([]);
		// About 300 subscribers per shard in pages of at most 150 rows: several pages each, none larger.
		const read = pages.map((execution) => outputOf(execution, 'Page of Token Rows').length);
		expect(pages.length).toBeGreaterThanOrEqual(4);
		for (const count of read) expect(count).toBeLessThanOrEqual(150);
		const stats = (await setup.page.control.stats()).pages.find((entry) => entry.key === setup.page.pageId);
		expect(stats?.rateLimited).toBe(0);
		console.log(`shards in pages: 2 shards, ${pages.length} page executions (rows read ${read.sort((a, b) => a - b).join(', ')}), ${delivered.length} delivered to ${new Set(delivered).size} subscribers, rate-limited ${stats?.rateLimited}`);
	});
});
