// The Graph transport through n8n-core's real request helper, against the emulator: what a node
// gets back for each kind of answer Meta gives, and what subscribers actually received.
import { createGraphClient, type GraphClient } from '../../nodes/shared/graph/graphClient';
import type { SendOutcome } from '../../nodes/shared/graph/sendOutcome';
import type { SendRequest } from '../../nodes/shared/graph/sendRequest';
import { runInNodeContext } from '../harness/n8nEngine';
import { useEmulator, type EmulatedPage } from './emulatorFixture';

const emulator = useEmulator();

function withClient<T>(page: EmulatedPage, use: (client: GraphClient) => Promise<T>, timeoutMs?: number): Promise<T> {
	return runInNodeContext(page.credentials, async (context) => use(await createGraphClient(context, { timeoutMs })));
}

const text = (psid: string, body = 'Your order shipped'): SendRequest => ({
	recipient: { id: psid },
	message: { text: body },
	messaging_type: 'RESPONSE',
});

async function oneTimeTokens(page: EmulatedPage, count: number): Promise<string[]> {
	const tokens: string[] = [];
	for (let i = 0; i < count; i++) {
		const { psid } = await emulator.control.createSubscriber(page.pageId);
		const issued = await emulator.control.issueToken(page.pageId, { psid, type: 'one_time', payload: 'deals', title: 'Deals' });
		tokens.push(issued.token);
	}
	return tokens;
}

const promo = (token: string): SendRequest => ({ recipient: { one_time_notif_token: token }, message: { text: 'Deals are live' } });

describe('the Graph transport through n8n-core against the emulator', () => {
	it('sends a message to a subscriber inside the window, authenticated with the Page token and appsecret_proof', async () => {
		const page = await emulator.newPage({ requireAppSecretProof: true });
		const psid = await emulator.activeSubscriber(page.pageId);
		const outcome = await withClient(page, (client) => client.sendMessage(text(psid)));
		expect(outcome).toMatchObject({ ok: true, recipientId: psid });
		const deliveries = await emulator.control.deliveries({ pageId: page.pageId, psid });
		expect(deliveries.map((d) => d.message)).toEqual([{ text: 'Your order shipped' }]);
		expect(deliveries[0].messageId).toBe((outcome as { messageId: string }).messageId);
	});

	it('is refused by a Page that requires appsecret_proof when the credential has no App secret', async () => {
		const page = await emulator.newPage({ requireAppSecretProof: true, withAppSecret: false });
		const psid = await emulator.activeSubscriber(page.pageId);
		const outcome = await withClient(page, (client) => client.sendMessage(text(psid)));
		expect(outcome).toMatchObject({ ok: false, errorClass: 'stop', error: { code: 100, httpStatus: 400 } });
	});

	it("reads the closed 24-hour window from Meta's body, with code, subcode and trace id", async () => {
		const page = await emulator.newPage();
		const { psid } = await emulator.control.createSubscriber(page.pageId);
		const outcome = await withClient(page, (client) => client.sendMessage(text(psid)));
		expect(outcome).toMatchObject({
			ok: false,
			errorClass: 'outsideWindow',
			mayHaveBeenDelivered: false,
			error: { httpStatus: 400, code: 10, subcode: 2018278 },
		});
		expect((outcome as { error: { fbtraceId?: string } }).error.fbtraceId).toEqual(expect.any(String));
		expect(await emulator.control.deliveries({ pageId: page.pageId })).toHaveLength(0);
	});

	it('sends with a one-time token once; a second send is refused and read as spent, without repeating the token', async () => {
		const page = await emulator.newPage();
		const [token] = await oneTimeTokens(page, 1);
		const [first, second] = await withClient(page, async (client) => [
			await client.sendMessage(promo(token)),
			await client.sendMessage(promo(token)),
		]);
		expect(first.ok).toBe(true);
		expect(second).toMatchObject({ ok: false, errorClass: 'tokenSpent' });
		expect(JSON.stringify(second)).not.toContain(token);
		expect(await emulator.control.deliveries({ pageId: page.pageId, token })).toHaveLength(1);
	});

	it('stops on a wrong Page token and never repeats it', async () => {
		const page = await emulator.newPage();
		const psid = await emulator.activeSubscriber(page.pageId);
		const wrong = { ...page, credentials: { messengerOtnPageApi: { ...page.credentials.messengerOtnPageApi, accessToken: 'WRONG-PAGE-TOKEN-123' } } };
		const outcome = await withClient(wrong, (client) => client.sendMessage(text(psid)));
		expect(outcome).toMatchObject({ ok: false, errorClass: 'stop', error: { code: 190 } });
		expect(JSON.stringify(outcome)).not.toContain('WRONG-PAGE-TOKEN-123');
	});

	describe('batches', () => {
		it('sends 50 tokens in one call and splits the answer into one outcome per message', async () => {
			const page = await emulator.newPage();
			const tokens = await oneTimeTokens(page, 50);
			await emulator.control.resetStats();
			const outcomes = await withClient(page, (client) => client.sendBatch(tokens.map(promo)));
			expect(outcomes.filter((o) => o.ok)).toHaveLength(50);
			const deliveries = await emulator.control.deliveries({ pageId: page.pageId });
			expect(new Set(deliveries.map((d) => d.token))).toEqual(new Set(tokens));
			const messageIds = outcomes.map((o) => (o as { messageId: string }).messageId);
			expect(new Set(messageIds)).toEqual(new Set(deliveries.map((d) => d.messageId)));
			expect((await emulator.control.stats()).batchRequests).toBe(1);
		});

		it('keeps each message its own result: spent tokens fail, the others are sent', async () => {
			const page = await emulator.newPage();
			const tokens = await oneTimeTokens(page, 4);
			const outcomes = await withClient(page, async (client) => {
				await client.sendMessage(promo(tokens[1]));
				return client.sendBatch(tokens.map(promo));
			});
			expect(outcomes.map((o) => (o.ok ? 'sent' : o.errorClass))).toEqual(['sent', 'tokenSpent', 'sent', 'sent']);
		});

		it('reads the rate-limit refusals of a batch as throttled, item by item', async () => {
			const page = await emulator.newPage();
			await emulator.control.setRateLimit(5, page.pageId);
			const tokens = await oneTimeTokens(page, 12);
			const outcomes = await withClient(page, (client) => client.sendBatch(tokens.map(promo)));
			const throttled = outcomes.filter((o) => !o.ok && o.errorClass === 'throttled');
			expect(outcomes.filter((o) => o.ok)).toHaveLength(5);
			expect(throttled).toHaveLength(7);
			expect(throttled[0]).toMatchObject({ error: { code: 613, subcode: 2534040 } });
		});

		it('marks an item Meta left unanswered as possibly delivered', async () => {
			const page = await emulator.newPage();
			const tokens = await oneTimeTokens(page, 3);
			await emulator.control.addFault({ kind: 'timeout', phase: 'after', pageId: page.pageId, count: 1, hangMs: 200 });
			const outcomes = await withClient(page, (client) => client.sendBatch(tokens.map(promo)));
			const unanswered = outcomes.filter((o): o is Extract<SendOutcome, { ok: false }> => !o.ok);
			expect(unanswered).toHaveLength(1);
			expect(unanswered[0]).toMatchObject({ errorClass: 'transient', mayHaveBeenDelivered: true, error: { unanswered: true } });
		});
	});

	describe('faults before and after Meta processed the message', () => {
		async function sendWithFault(fault: { kind: 'http500' | 'timeout' | 'drop'; phase: 'before' | 'after' }) {
			const page = await emulator.newPage();
			const psid = await emulator.activeSubscriber(page.pageId);
			await emulator.control.addFault({ ...fault, pageId: page.pageId, count: 1, hangMs: 3000 });
			const outcome = await withClient(page, (client) => client.sendMessage(text(psid)), 1000);
			const delivered = (await emulator.control.deliveries({ pageId: page.pageId })).length;
			return { outcome, delivered };
		}

		it.each([
			['HTTP 500 before processing (not delivered)', 'http500', 'before', 0],
			['HTTP 500 after processing (delivered)', 'http500', 'after', 1],
			['a time-out before processing (not delivered)', 'timeout', 'before', 0],
			['a time-out after processing (delivered)', 'timeout', 'after', 1],
			['a dropped connection after processing (delivered)', 'drop', 'after', 1],
		] as const)('%s is transient and possibly delivered', async (_name, kind, phase, expected) => {
			const { outcome, delivered } = await sendWithFault({ kind, phase });
			expect(outcome).toMatchObject({ ok: false, errorClass: 'transient', mayHaveBeenDelivered: true });
			expect(delivered).toBe(expected);
		});
	});
});
