/**
 * The PostgreSQL template in a real n8n, against a PostgreSQL server this test starts (installing
 * Debian's package first when it is missing): the table from examples/otn-tokens.postgres.sql,
 * opt-ins inserted with ON CONFLICT DO NOTHING, and Apply Event reading rows that SQL returns
 * with Date objects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { postAsMeta } from '../../emulator/webhooks/postAsMeta';
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { createCredential } from '../../scripts/n8n/n8n-api';
import { waitForExecutions } from '../../scripts/n8n/n8n-workflows';
import { repoRoot } from '../../scripts/n8n/runtime';
import { postgresCredentialData, startThrowawayPostgres, type ThrowawayPostgres } from '../../scripts/postgres/throwawayPostgres';
import { e2eInstance } from './e2e-instance';
import { deliverInOrder, type Inbox, metaToken, oneTimeOptIn, publishInbox, readUpTo } from './tokenStoreInbox';

const n8n = e2eInstance();
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.now() - 10 * DAY;
// Installing PostgreSQL from Debian's packages on a fresh machine takes a minute or two.
const INSTALL_TIMEOUT_MS = 10 * 60 * 1000;

describe('the PostgreSQL template in a real n8n', () => {
	let pg: ThrowawayPostgres | undefined;
	let inbox: Inbox;
	const ana = { psid: '7100000000000001', first: metaToken('ana-1'), second: metaToken('ana-2') };
	const ben = { psid: '7100000000000002', token: metaToken('ben') };
	const cleo = { psid: '7100000000000003', token: metaToken('cleo') };

	interface StoredRow {
		tokenId: string;
		psid: string;
		status: string;
		readAt: string | null;
		deliveredAt: string | null;
	}
	const rows = (): StoredRow[] => JSON.parse(pg!.query(`SELECT coalesce(json_agg(t ORDER BY "optedInAt"), '[]') FROM otn_tokens t`));
	const rowOf = (token: string) => rows().filter((row) => row.tokenId === tokenIdOf(token));

	beforeAll(async () => {
		pg = await startThrowawayPostgres('otn_e2e');
		pg.query(readFileSync(join(repoRoot, 'examples', 'otn-tokens.postgres.sql'), 'utf8'));
		const credential = await createCredential(n8n, {
			name: `Token store Postgres (${pg.port})`,
			type: 'postgres',
			data: postgresCredentialData(pg),
		});
		inbox = await publishInbox(n8n, 'capture-opt-ins-postgres.json', { postgres: credential });
	}, INSTALL_TIMEOUT_MS);

	afterAll(() => pg?.stop());

	it('six deliveries, four distinct opt-ins and two retries one after another, leave four rows; a retried used token stays used', async () => {
		const first = oneTimeOptIn(ana.psid, 'deals', ana.first, T0);
		const benOptIn = oneTimeOptIn(ben.psid, 'deals', ben.token, T0 + 120_000);
		const done = await deliverInOrder(n8n, inbox, [first, oneTimeOptIn(ana.psid, 'deals', ana.second, T0 + 60_000), benOptIn, oneTimeOptIn(cleo.psid, 'news', cleo.token, T0 + 180_000)]);
		expect(done.map((execution) => execution.status)).toEqual(['success', 'success', 'success', 'success']);
		expect(rows()).toHaveLength(4);

		pg!.query(`UPDATE otn_tokens SET status = 'used', "lastSentAt" = '${new Date(T0 + DAY).toISOString()}', campaign = 'spring' WHERE "tokenId" = '${tokenIdOf(ana.first)}'`);
		const retries = await deliverInOrder(n8n, inbox, [first, benOptIn]);
		expect(retries.map((execution) => execution.status)).toEqual(['success', 'success']);
		expect(rows()).toHaveLength(4);
		expect(rowOf(ana.first)).toEqual([expect.objectContaining({ status: 'used', psid: ana.psid })]);
		expect(rowOf(ben.token)).toEqual([expect.objectContaining({ status: 'available' })]);
	});

	it('two copies of one opt-in arriving at the same moment insert one row: the unique key decides', async () => {
		const dora = oneTimeOptIn('7100000000000004', 'deals', metaToken('dora'), T0 + 240_000);
		const statuses = await Promise.all([postAsMeta(inbox.url, dora, inbox.appSecret), postAsMeta(inbox.url, dora, inbox.appSecret)]);
		expect(statuses).toEqual([200, 200]);
		inbox.delivered += 2;
		const all = await waitForExecutions(n8n, inbox.workflowId, inbox.delivered);
		expect(all.slice(0, 2).map((execution) => execution.status)).toEqual(['success', 'success']);
		expect(rows()).toHaveLength(5);
	});

	it('a read reaches the rows SQL returns as Date objects, and marks only what was sent before it', async () => {
		const done = await deliverInOrder(n8n, inbox, [readUpTo(ana.psid, T0 + DAY + 1000, T0 + 2 * DAY)]);
		expect(done[0].status).toBe('success');
		const [read] = rowOf(ana.first);
		expect(Date.parse(read.readAt!)).toBe(T0 + 2 * DAY);
		expect(Date.parse(read.deliveredAt!)).toBe(T0 + 2 * DAY);
		expect(rowOf(ana.second)).toEqual([expect.objectContaining({ status: 'available', readAt: null })]);
	});
});
