// A Graph answer that repeats the request in its error text: a batch item's body is a url-encoded
// form (docs/meta-platform.md §4.7), so the echo carries each token percent-encoded. No row may keep it.
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject } from 'n8n-workflow';

import { OtnBroadcast } from '../../nodes/OtnBroadcast/OtnBroadcast.node';
import { newTokenRow } from '../../nodes/shared/tokens/newTokenRow';
import { runNode } from '../harness/n8nEngine';

const PAGE_ID = '200000000000001';
// `+`, `/` and `=` come out as %2B, %2F and %3D in a url-encoded form, so the echo never holds the token as is.
const tokens = ['AQ_otn_TOKEN_secret+/=_0', 'AQ_otn_TOKEN_secret+/=_1'];

type Echo = (batch: Array<{ body: string }>, raw: string) => { statusCode: number; body: unknown };

/** A Graph host whose every answer is an error repeating what it was sent. */
async function echoingGraph(echo: Echo): Promise<{ url: string; batches: number; close: () => Promise<void> }> {
	const state = { batches: 0 };
	const server: Server = createServer((request, response) => {
		let raw = '';
		request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
		request.on('end', () => {
			// The broadcast's check of the credential before its first send.
			if (request.method === 'GET' && request.url?.includes('/me')) {
				response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: PAGE_ID, name: 'Echo Page' }));
				return;
			}
			const batch = (JSON.parse(raw || '{}') as { batch?: Array<{ body: string }> }).batch;
			if (batch) state.batches++;
			const { statusCode, body } = batch ? echo(batch, raw) : { statusCode: 500, body: { error: { message: 'expected a batch' } } };
			response.writeHead(statusCode, { 'content-type': 'application/json' }).end(JSON.stringify(body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		get batches() {
			return state.batches;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

const graphError = (message: string) => ({ error: { message, type: 'OAuthException', code: 100, fbtrace_id: 'AbCdEf' } });

async function broadcastAgainst(echo: Echo) {
	const graph = await echoingGraph(echo);
	try {
		const rows = tokens.map((token, index) =>
			newTokenRow({
				token,
				tokenType: 'one_time',
				pageId: PAGE_ID,
				psid: `125445915468291${index}`,
				topic: 'deals',
				title: 'Deals',
				timezone: null,
				optedInAt: '2026-11-27T10:15:02.478Z',
				expiresAt: '2099-11-27T10:15:02.478Z',
			}) as unknown as IDataObject,
		);
		const run = await runNode({
			node: new OtnBroadcast(),
			parameters: { campaign: 'echo', messageType: 'text', text: 'Deals are live', ratePerSecond: 100, dryRun: false, options: { maxAttempts: 1 } },
			input: rows,
			credentials: {
				messengerOtnPageApi: { accessToken: 'PAGE-TOKEN-SECRET', appId: '1001', appSecret: 'APP-SECRET-VALUE', graphApiVersion: 'v25.0', graphHost: graph.url },
			},
		});
		expect(graph.batches).toBeGreaterThan(0);
		return run.outputs.flat();
	} finally {
		await graph.close();
	}
}

function expectNoTokenOutsideTokenColumn(items: Array<{ json: IDataObject }>) {
	expect(items).toHaveLength(tokens.length);
	for (const item of items) {
		const outsideTokenColumn = JSON.stringify({ ...item.json, token: undefined });
		expect(outsideTokenColumn).not.toContain('TOKEN_secret');
		expect(outsideTokenColumn).not.toMatch(/PAGE-TOKEN-SECRET|APP-SECRET-VALUE/);
		expect(String(item.json.error)).toContain('[redacted]');
	}
}

describe('OTN Broadcast: an error that echoes the batch', () => {
	it('keeps the url-encoded token out of each row\'s error when a batch item repeats its own body', async () => {
		const items = await broadcastAgainst((batch) => ({
			statusCode: 200,
			body: batch.map((item) => ({ code: 400, body: JSON.stringify(graphError(`(#100) Invalid parameter in ${item.body}`)) })),
		}));
		expectNoTokenOutsideTokenColumn(items);
	});

	it('keeps every url-encoded token out of the rows when the whole batch is refused with the request repeated', async () => {
		const items = await broadcastAgainst((_batch, raw) => ({ statusCode: 400, body: graphError(`(#100) Could not read ${raw}`) }));
		expectNoTokenOutsideTokenColumn(items);
	});
});
