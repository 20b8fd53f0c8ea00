// Request OTN's Get Many marketing tokens in n8n-core's real engine against the emulator's
// token listing (paged, marketing tokens only).
import { MessengerOtn } from '../../nodes/MessengerOtn/MessengerOtn.node';
import { TOKENS_PER_CALL } from '../../nodes/MessengerOtn/resources/marketingToken/listMarketingTokens';
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { TOKEN_ROW_COLUMNS } from '../../nodes/shared/tokens/tokenRow';
import { runNode } from '../harness/n8nEngine';
import { useEmulator, type EmulatedPage } from './emulatorFixture';

const emulator = useEmulator();

const parameters = { resource: 'marketingToken', operation: 'getAll', returnAll: true };

async function marketingTokens(page: EmulatedPage, count: number, title = 'Weekly deals'): Promise<Array<{ psid: string; token: string }>> {
	const issued = [];
	for (let i = 0; i < count; i++) {
		const { psid } = await emulator.control.createSubscriber(page.pageId);
		const token = await emulator.control.issueToken(page.pageId, { psid, type: 'marketing', payload: 'weekly-deals', title, timezone: 'Europe/Paris' });
		issued.push({ psid, token: token.token });
	}
	return issued;
}

describe('Request OTN: Get Many marketing tokens', () => {
	it("puts out Meta's marketing tokens as token rows, one-time tokens not being listed by Meta", async () => {
		const page = await emulator.newPage();
		const [ana, ben] = await marketingTokens(page, 2);
		const { psid } = await emulator.control.createSubscriber(page.pageId);
		await emulator.control.issueToken(page.pageId, { psid, type: 'one_time', payload: 'restock' });

		const result = await runNode({ node: new MessengerOtn(), parameters, input: [{}], credentials: page.credentials });
		expect(result.error).toBeUndefined();
		const rows = result.outputs[0];
		expect(rows.map((row) => [row.json.psid, row.json.token, row.pairedItem])).toEqual([
			[ana.psid, ana.token, { item: 0 }],
			[ben.psid, ben.token, { item: 0 }],
		]);
		expect(Object.keys(rows[0].json)).toEqual([...TOKEN_ROW_COLUMNS]);
		expect(rows[0].json).toMatchObject({
			tokenId: tokenIdOf(ana.token),
			tokenType: 'marketing',
			pageId: page.pageId,
			topic: null,
			title: 'Weekly deals',
			timezone: 'Europe/Paris',
			optedInAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			expiresAt: null,
			status: 'available',
			nextEligibleAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			lastSentAt: null,
			error: null,
		});
	});

	it('stops at the limit', async () => {
		const page = await emulator.newPage();
		const issued = await marketingTokens(page, 3);
		const result = await runNode({ node: new MessengerOtn(), parameters: { ...parameters, returnAll: false, limit: 2 }, input: [{}], credentials: page.credentials });
		expect(result.outputs[0].map((row) => row.json.token)).toEqual(issued.slice(0, 2).map((entry) => entry.token));
	});

	it("reads every page of Meta's list", async () => {
		const page = await emulator.newPage();
		const issued = await marketingTokens(page, TOKENS_PER_CALL + 5);
		await emulator.control.resetStats();
		const result = await runNode({ node: new MessengerOtn(), parameters, input: [{}], credentials: page.credentials });
		expect(result.outputs[0].map((row) => row.json.token)).toEqual(issued.map((entry) => entry.token));
		// GET /me, then two pages.
		expect((await emulator.control.stats()).pages.find((stats) => stats.key === page.pageId)?.calls).toBe(3);
	});

	it("fails with Meta's code when the credential is refused", async () => {
		const page = await emulator.newPage();
		const credentials = { messengerOtnPageApi: { ...page.credentials.messengerOtnPageApi, accessToken: 'NOT_A_PAGE_TOKEN' } };
		const result = await runNode({ node: new MessengerOtn(), parameters, input: [{}], credentials });
		expect(result.error?.message).toBe('Meta refused the Page access token (invalid or expired): update the credential');
		expect(result.error?.description).toMatch(/code 190/);
		expect(JSON.stringify(result.run.data.resultData)).not.toContain('NOT_A_PAGE_TOKEN');
	});
});
