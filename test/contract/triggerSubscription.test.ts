// The trigger's activation methods in n8n-core's real HookContext against the emulator: subscribe
// the app and the Page (Meta's handshake included), report another workflow's callback URL
// instead of taking it, and remove only its own subscription.
import { createServer, type Server } from 'node:http';

import { MessengerOtnTrigger } from '../../nodes/MessengerOtnTrigger/MessengerOtnTrigger.node';
import { expectedVerifyToken, handshakeChallenge } from '../../nodes/shared/webhook/verifyToken';
import { runHookMethod, type HookRunOptions } from '../harness/n8nEngine';
import { useEmulator, type EmulatedPage } from './emulatorFixture';

const emulator = useEmulator();
const WEBHOOK_ID = 'aaaaaaaa-1111-2222-3333-444444444444';

/** Answers Meta's handshake as a published trigger at `/webhook/<webhookId>/webhook` would. */
let appSecretOfTest = '';
let server: Server;
let base = '';

beforeAll(async () => {
	server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://x');
		const webhookId = url.pathname.split('/')[2] ?? '';
		const challenge = handshakeChallenge(Object.fromEntries(url.searchParams), expectedVerifyToken('', appSecretOfTest, webhookId));
		response.writeHead(challenge ? 200 : 403, { 'content-type': 'text/plain' }).end(challenge ?? 'Forbidden');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/webhook`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function options(page: EmulatedPage, parameters: Record<string, unknown> = {}): HookRunOptions {
	appSecretOfTest = String(page.credentials.messengerOtnPageApi.appSecret);
	return {
		node: new MessengerOtnTrigger(),
		parameters: { events: ['otn_optin'], subscribeOnActivation: true, verifyToken: '', ...parameters },
		credentials: page.credentials,
		webhookId: WEBHOOK_ID,
		webhookBaseUrl: base,
	};
}

const ourUrl = () => `${base}/${WEBHOOK_ID}/webhook`;
const appState = async (page: EmulatedPage) => (await emulator.control.webhookSubscriptions({ appId: page.app.appId }))[0];

describe('Messenger OTN Trigger activation against the emulator', () => {
	it('subscribes the app (passing the handshake) and the Page, then finds its subscription in place', async () => {
		const page = await emulator.newPage();
		expect(await runHookMethod('checkExists', options(page))).toBe(false);
		expect(await runHookMethod('create', options(page))).toBe(true);
		const state = await appState(page);
		expect(state.subscription).toMatchObject({ callbackUrl: ourUrl(), active: true });
		expect(state.pages).toEqual([{ pageId: page.pageId, fields: expect.arrayContaining(['messaging_optins', 'message_reads']) }]);
		expect(await runHookMethod('checkExists', options(page))).toBe(true);
	});

	it('subscribes the paid Marketing Message API fields only for the paid events picked, and resubscribes when more are picked', async () => {
		const page = await emulator.newPage();
		await runHookMethod('create', options(page));
		const paidFields = (state: Awaited<ReturnType<typeof appState>>) => state.pages[0].fields.filter((field) => field.startsWith('marketing_message'));
		expect(paidFields(await appState(page))).toEqual([]);
		const withPaid = options(page, { events: ['otn_optin', 'marketing_message_read', 'marketing_message_delivery_failed'] });
		expect(await runHookMethod('checkExists', withPaid)).toBe(false);
		await runHookMethod('create', withPaid);
		expect(paidFields(await appState(page))).toEqual(['marketing_message_reads', 'marketing_message_delivery_failed']);
		expect((await appState(page)).subscription?.fields.map((field) => field.name)).toEqual(expect.arrayContaining(['marketing_message_reads', 'marketing_message_delivery_failed']));
		expect(await runHookMethod('checkExists', withPaid)).toBe(true);
	});

	it("reports another workflow's callback URL with what to do, and leaves it in place", async () => {
		const page = await emulator.newPage();
		const otherWorkflow = { ...options(page), webhookId: 'bbbbbbbb-1111-2222-3333-444444444444' };
		await runHookMethod('create', otherWorkflow);
		const otherUrl = `${base}/${otherWorkflow.webhookId}/webhook`;
		await expect(runHookMethod('checkExists', options(page))).rejects.toMatchObject({
			message: expect.stringContaining(`already sends its Page webhooks to ${otherUrl}`),
			description: expect.stringContaining('one callback URL per app'),
		});
		expect((await appState(page)).subscription?.callbackUrl).toBe(otherUrl);
	});

	it('removes its own subscription on deactivation, but never another workflow’s', async () => {
		const page = await emulator.newPage();
		await runHookMethod('create', options(page));
		const elsewhere = { ...options(page), webhookId: 'cccccccc-1111-2222-3333-444444444444' };
		expect(await runHookMethod('delete', elsewhere)).toBe(true);
		expect((await appState(page)).subscription?.callbackUrl).toBe(ourUrl());
		expect(await runHookMethod('delete', options(page))).toBe(true);
		const state = await appState(page);
		expect(state.subscription).toBeNull();
		expect(state.pages).toEqual([]);
	});

	it('does nothing at Meta when told not to subscribe, but then needs a verify token', async () => {
		const page = await emulator.newPage();
		await expect(runHookMethod('checkExists', options(page, { subscribeOnActivation: false }))).rejects.toMatchObject({
			message: 'Set a Verify Token',
		});
		expect(await runHookMethod('checkExists', options(page, { subscribeOnActivation: false, verifyToken: 'mine' }))).toBe(true);
		expect((await appState(page)).subscription).toBeNull();
	});

	it('refuses to activate without an App secret, since every event must be verified', async () => {
		const page = await emulator.newPage({ withAppSecret: false });
		await expect(runHookMethod('checkExists', options(page))).rejects.toMatchObject({ message: 'The credential has no App Secret' });
	});

	it('fails activation with the reason when Meta’s handshake cannot reach the workflow', async () => {
		const page = await emulator.newPage();
		const unreachable = { ...options(page), webhookBaseUrl: 'http://127.0.0.1:9/webhook' };
		await expect(runHookMethod('create', unreachable)).rejects.toMatchObject({
			message: expect.stringContaining('could not verify the callback URL'),
		});
		expect((await appState(page)).subscription).toBeNull();
	});
});
