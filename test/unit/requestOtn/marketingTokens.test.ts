import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { MessengerOtn } from '../../../nodes/MessengerOtn/MessengerOtn.node';
import { listMarketingTokens, TOKENS_PER_CALL } from '../../../nodes/MessengerOtn/resources/marketingToken/listMarketingTokens';
import { tokenRowFromMeta } from '../../../nodes/MessengerOtn/resources/marketingToken/tokenRowFromMeta';
import type { GraphClient } from '../../../nodes/shared/graph/graphClient';
import { tokenIdOf } from '../../../nodes/shared/tokens/tokenId';
import { TOKEN_ROW_COLUMNS } from '../../../nodes/shared/tokens/tokenRow';
import { META_ERRORS } from '../../fixtures/metaErrorBodies';
import { fakeExecuteContext, type Responder } from './fakeExecuteContext';

const PAGE_ID = '200000000000001';
const NOW = new Date('2026-11-27T12:00:00Z');

const listed = (n: number) => ({
	notification_messages_token: `MKT-${n}`,
	recipient_id: `psid-${n}`,
	creation_timestamp: 1795000000 + n,
	topic_title: 'Weekly deals',
	notification_messages_timezone: 'Europe/Paris',
	next_eligible_time: 1795100000,
	user_token_status: 'NOT_REFRESHED',
});

describe('a token row from Meta’s list', () => {
	it('fills every column of the token row: what Meta gives, null for the rest', () => {
		const row = tokenRowFromMeta(listed(1), PAGE_ID, NOW);
		expect(Object.keys(row)).toEqual([...TOKEN_ROW_COLUMNS]);
		expect(row).toEqual({
			tokenId: tokenIdOf('MKT-1'),
			token: 'MKT-1',
			tokenType: 'marketing',
			pageId: PAGE_ID,
			psid: 'psid-1',
			topic: null,
			title: 'Weekly deals',
			timezone: 'Europe/Paris',
			optedInAt: new Date(1795000001 * 1000).toISOString(),
			expiresAt: null,
			status: 'available',
			lastSentAt: null,
			nextEligibleAt: new Date(1795100000 * 1000).toISOString(),
			campaign: null,
			messageId: null,
			deliveredAt: null,
			readAt: null,
			clickedAt: null,
			error: null,
		});
	});

	it('is expired when Meta gives an expiry that has passed, available while it has not', () => {
		expect(tokenRowFromMeta({ ...listed(1), token_expiry_timestamp: '1700000000' }, PAGE_ID, NOW)).toMatchObject({
			status: 'expired',
			expiresAt: '2023-11-14T22:13:20.000Z',
		});
		expect(tokenRowFromMeta({ ...listed(1), token_expiry_timestamp: 1900000000 }, PAGE_ID, NOW).status).toBe('available');
	});

	it('leaves missing fields null', () => {
		const row = tokenRowFromMeta({ notification_messages_token: 'MKT-9', recipient_id: 77 }, PAGE_ID, NOW);
		expect(row).toMatchObject({ psid: '77', title: null, timezone: null, optedInAt: null, nextEligibleAt: null });
	});
});

/** A Graph client that answers the listing from `all`, `pageSize` at most per call, with cursors. */
function listingClient(all: IDataObject[], options: { failOnCall?: number } = {}) {
	const calls: IDataObject[] = [];
	const client = {
		call: async (_method: string, path: string, { qs = {} }: { qs?: IDataObject } = {}) => {
			calls.push({ path, ...qs });
			if (options.failOnCall === calls.length) return { ok: false, error: { code: 190, message: 'Invalid OAuth access token.', httpStatus: 400 } };
			const start = qs.after === undefined ? 0 : Number(qs.after);
			const data = all.slice(start, start + Number(qs.limit));
			const end = start + data.length;
			const paging = data.length ? { cursors: { after: String(end) }, ...(end < all.length ? { next: 'https://graph.test/next?access_token=SECRET' } : {}) } : undefined;
			return { ok: true, status: 200, body: { data, ...(paging ? { paging } : {}) } };
		},
	} as unknown as GraphClient;
	return { client, calls };
}

describe('listing the marketing tokens', () => {
	const all = Array.from({ length: 2500 }, (_, n) => listed(n));

	it('reads every page by the after cursor, Meta’s largest page at a time', async () => {
		const { client, calls } = listingClient(all);
		const listing = await listMarketingTokens(client, PAGE_ID);
		expect(listing.ok && listing.tokens.length).toBe(2500);
		expect(calls).toEqual([
			{ path: `/${PAGE_ID}/notification_message_tokens`, limit: TOKENS_PER_CALL },
			{ path: `/${PAGE_ID}/notification_message_tokens`, limit: TOKENS_PER_CALL, after: '1000' },
			{ path: `/${PAGE_ID}/notification_message_tokens`, limit: TOKENS_PER_CALL, after: '2000' },
		]);
	});

	it('asks for no more than the limit, across pages', async () => {
		const small = listingClient(all);
		const few = await listMarketingTokens(small.client, PAGE_ID, 5);
		expect(few.ok && few.tokens.map((token) => token.notification_messages_token)).toEqual(['MKT-0', 'MKT-1', 'MKT-2', 'MKT-3', 'MKT-4']);
		expect(small.calls).toEqual([{ path: `/${PAGE_ID}/notification_message_tokens`, limit: 5 }]);

		const large = listingClient(all);
		const many = await listMarketingTokens(large.client, PAGE_ID, 1200);
		expect(many.ok && many.tokens.length).toBe(1200);
		expect(large.calls.map((call) => call.limit)).toEqual([1000, 200]);
	});

	it('stops on an empty list', async () => {
		const { client, calls } = listingClient([]);
		expect(await listMarketingTokens(client, PAGE_ID)).toEqual({ ok: true, tokens: [] });
		expect(calls).toHaveLength(1);
	});

	it('returns the Graph error of any page', async () => {
		const { client } = listingClient(all, { failOnCall: 2 });
		expect(await listMarketingTokens(client, PAGE_ID)).toMatchObject({ ok: false, error: { code: 190 } });
	});
});

describe('Request OTN: Get Many marketing tokens', () => {
	const parameters = { resource: 'marketingToken', operation: 'getAll', returnAll: false, limit: 50 };

	function graph(tokens: IDataObject[]): Responder {
		return (request: IHttpRequestOptions) =>
			request.url === '/me' ? { statusCode: 200, body: { id: PAGE_ID } } : { statusCode: 200, body: { data: tokens } };
	}

	it('reads the Page id, then its tokens, and puts out one row per token paired with the input item', async () => {
		const { context, requests } = fakeExecuteContext({ parameters, items: [{}, {}], respond: graph([listed(1), listed(2)]) });
		const [output] = await new MessengerOtn().execute.call(context);
		expect(requests.map((request) => [request.method, request.url, request.qs])).toEqual([
			['GET', '/me', { fields: 'id' }],
			['GET', `/${PAGE_ID}/notification_message_tokens`, { limit: 50 }],
			['GET', '/me', { fields: 'id' }],
			['GET', `/${PAGE_ID}/notification_message_tokens`, { limit: 50 }],
		]);
		expect(output.map((item) => [item.json.token, item.json.pageId, item.pairedItem])).toEqual([
			['MKT-1', PAGE_ID, { item: 0 }],
			['MKT-2', PAGE_ID, { item: 0 }],
			['MKT-1', PAGE_ID, { item: 1 }],
			['MKT-2', PAGE_ID, { item: 1 }],
		]);
	});

	it('leaves out entries that cannot be token rows (no token, no PSID)', async () => {
		const { context } = fakeExecuteContext({
			parameters: { ...parameters, returnAll: true },
			respond: graph([listed(1), { ...listed(2), notification_messages_token: '' }, { ...listed(3), recipient_id: undefined }]),
		});
		const [output] = await new MessengerOtn().execute.call(context);
		expect(output.map((item) => item.json.token)).toEqual(['MKT-1']);
	});

	it("fails the item with Meta's code when the listing is refused", async () => {
		const fixture = META_ERRORS.invalidOAuthToken;
		const { context } = fakeExecuteContext({
			parameters,
			respond: (request) => (request.url === '/me' ? { statusCode: 200, body: { id: PAGE_ID } } : { statusCode: fixture.httpStatus, body: fixture.body }),
		});
		await expect(new MessengerOtn().execute.call(context)).rejects.toMatchObject({
			message: 'Meta refused the Page access token (invalid or expired): update the credential',
			description: expect.stringContaining('code 190'),
		});
	});

	it('fails the item when the Page id cannot be read', async () => {
		const fixture = META_ERRORS.invalidOAuthToken;
		const { context, requests } = fakeExecuteContext({ parameters, respond: () => ({ statusCode: fixture.httpStatus, body: fixture.body }) });
		await expect(new MessengerOtn().execute.call(context)).rejects.toMatchObject({ description: expect.stringContaining('code 190') });
		expect(requests).toHaveLength(1);
	});
});
