// Request OTN's Unsubscribe (docs/meta-platform.md §3.2) against the emulator, and its item fed to the OTN
// Token Store's Apply Event, both in n8n-core's real engine.
import { MessengerOtn } from '../../nodes/MessengerOtn/MessengerOtn.node';
import { OtnTokenStore } from '../../nodes/OtnTokenStore/OtnTokenStore.node';
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { runNode } from '../harness/n8nEngine';
import { useEmulator } from './emulatorFixture';

const emulator = useEmulator();

const unsubscribe = (by: 'psid' | 'token') => ({ resource: 'marketingToken', operation: 'unsubscribe', unsubscribeBy: by });

describe('Request OTN: Unsubscribe', () => {
	it('unsubscribes by PSID at Meta and puts out the event Apply Event revokes the rows with', async () => {
		const page = await emulator.newPage();
		const { psid } = await emulator.control.createSubscriber(page.pageId);
		const deals = await emulator.control.issueToken(page.pageId, { psid, type: 'marketing', payload: 'DEALS', title: 'Deals' });
		const news = await emulator.control.issueToken(page.pageId, { psid, type: 'marketing', payload: 'NEWS', title: 'News' });

		const run = await runNode({ node: new MessengerOtn(), parameters: unsubscribe('psid'), input: [{ psid }], credentials: page.credentials });
		expect(run.error).toBeUndefined();
		const [item] = run.outputs[0];
		expect(item.json).toEqual({
			eventId: expect.stringMatching(/^evt_/),
			type: 'marketing_unsubscribe',
			pageId: page.pageId,
			psid,
			tokenId: null,
			timestamp: expect.any(String),
			matched: true,
			invalidRowsCount: 0,
		});
		expect((await emulator.control.tokens(page.pageId)).map((token) => token.status)).toEqual(['stopped', 'stopped']);

		const rows = [deals, news].map((token) => ({ tokenId: tokenIdOf(token.token), token: token.token, tokenType: 'marketing', pageId: page.pageId, psid, status: 'available' }));
		const applied = await runNode({
			node: new OtnTokenStore(),
			parameters: { resource: 'token', operation: 'applyEvent', rows: 'tokenRows', event: JSON.stringify(item.json) },
			input: rows,
		});
		expect(applied.outputs[0].map((update) => update.json)).toEqual(rows.map((row) => ({ tokenId: row.tokenId, status: 'revoked' })));
	});

	it('unsubscribes by token, never repeating the token, and says when Meta matched no one', async () => {
		const page = await emulator.newPage();
		const { psid } = await emulator.control.createSubscriber(page.pageId);
		const token = await emulator.control.issueToken(page.pageId, { psid, type: 'marketing', payload: 'DEALS', title: 'Deals' });
		const run = await runNode({
			node: new MessengerOtn(),
			parameters: unsubscribe('token'),
			input: [{ token: token.token }, { token: '99999999999999999' }],
			credentials: page.credentials,
		});
		expect(run.outputs[0].map((item) => [item.json.tokenId, item.json.psid, item.json.matched])).toEqual([
			[tokenIdOf(token.token), null, true],
			[tokenIdOf('99999999999999999'), null, false],
		]);
		expect(JSON.stringify(run.outputs)).not.toContain(token.token);
	});

	it('refuses an empty PSID before any call, with the item and a fix', async () => {
		const page = await emulator.newPage();
		const run = await runNode({ node: new MessengerOtn(), parameters: unsubscribe('psid'), input: [{ psid: '' }], credentials: page.credentials });
		expect(run.error?.message).toBe('The PSID is empty');
		expect(run.error?.description).toMatch(/Map the PSID/);
	});
});
