import { request } from 'http';

import { DEFAULT_APP_SECRET, DEFAULT_PAGE_TOKEN, startEmulator, type RunningEmulator } from '../../emulator/server';
import { activeSubscriber, send, startHarness, textTo, type Harness } from './helpers';

/**
 * A web page open in the developer's browser must not read the emulator's secrets (DNS rebinding:
 * a foreign Host) nor change its state (cross-site forgery: a foreign Origin, or a text/plain or
 * form body that a plain HTML form can send without asking). The nodes, the client and the page keep working.
 */

interface RawAnswer {
	status: number;
	body: string;
}

/** A request with exactly these headers (axios and fetch would set Host and Origin themselves). */
function raw(emulator: RunningEmulator, method: string, path: string, headers: Record<string, string>, body = ''): Promise<RawAnswer> {
	return new Promise((resolve, reject) => {
		const req = request({ host: emulator.host, port: emulator.port, method, path, headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
		});
		req.on('error', reject);
		req.end(body);
	});
}

const FAULT = JSON.stringify({ kind: 'http500', phase: 'before', percent: 100 });

describe('the emulator refuses requests a foreign web page could make', () => {
	let h: Harness;
	let own: string;

	beforeAll(async () => {
		h = await startHarness();
		own = `127.0.0.1:${h.emulator.port}`;
	});
	afterAll(() => h.emulator.close());
	afterEach(() => h.control.clearFaults());

	it('answers nothing, secrets included, to a Host that is not its own', async () => {
		for (const path of ['/_emulator/apps', `/v25.0/me?access_token=${DEFAULT_PAGE_TOKEN}`, '/']) {
			const answer = await raw(h.emulator, 'GET', path, { Host: `attacker.example:${h.emulator.port}` });
			expect(answer.status).toBe(421);
			expect(answer.body).not.toContain(DEFAULT_APP_SECRET);
			expect(answer.body).not.toContain(DEFAULT_PAGE_TOKEN);
		}
		expect((await raw(h.emulator, 'GET', '/_emulator/apps', { Host: 'attacker.example' })).status).toBe(421);
		// The right name on another port is another site too.
		expect((await raw(h.emulator, 'GET', '/_emulator/apps', { Host: `127.0.0.1:${h.emulator.port + 1}` })).status).toBe(421);
	});

	it('answers its own addresses: 127.0.0.1, localhost and [::1] with its port', async () => {
		for (const host of [own, `localhost:${h.emulator.port}`, `[::1]:${h.emulator.port}`, `LOCALHOST:${h.emulator.port}`]) {
			const answer = await raw(h.emulator, 'GET', '/_emulator/apps', { Host: host });
			expect(answer.status).toBe(200);
			expect(answer.body).toContain(DEFAULT_APP_SECRET);
		}
	});

	it('answers a host name it was configured with', async () => {
		const emulator = await startEmulator({ port: 0, hostNames: ['emulator.test'] });
		try {
			expect((await raw(emulator, 'GET', '/_emulator/apps', { Host: `emulator.test:${emulator.port}` })).status).toBe(200);
			expect((await raw(emulator, 'GET', '/_emulator/apps', { Host: `attacker.example:${emulator.port}` })).status).toBe(421);
		} finally {
			await emulator.close();
		}
	});

	it('refuses a control change from a foreign Origin, and changes nothing', async () => {
		const answer = await raw(h.emulator, 'POST', '/_emulator/faults', { Host: own, Origin: 'http://attacker.example', 'Content-Type': 'application/json' }, FAULT);
		expect(answer.status).toBe(403);
		expect(answer.body).toMatch(/Origin http:\/\/attacker\.example/);
		expect(await h.control.faults()).toEqual([]);
	});

	it('refuses a control change sent as text/plain or as a form (what a plain HTML form sends), and changes nothing', async () => {
		for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
			const answer = await raw(h.emulator, 'POST', '/_emulator/faults', { Host: own, 'Content-Type': type }, FAULT);
			expect(answer.status).toBe(415);
		}
		expect((await raw(h.emulator, 'POST', '/_emulator/reset', { Host: own })).status).toBe(415);
		expect(await h.control.faults()).toEqual([]);
	});

	it('takes a JSON control change from no page or from its own page', async () => {
		const fromTool = await raw(h.emulator, 'POST', '/_emulator/faults', { Host: own, 'Content-Type': 'application/json' }, FAULT);
		expect(fromTool.status).toBe(200);
		const fromOwnPage = await raw(h.emulator, 'DELETE', '/_emulator/faults', { Host: own, Origin: `http://${own}`, 'Content-Type': 'application/json' });
		expect(fromOwnPage.status).toBe(200);
		expect(await h.control.faults()).toEqual([]);
		// Reading needs no content type, from its own page or not.
		expect((await raw(h.emulator, 'GET', '/_emulator/faults', { Host: own, Origin: `http://localhost:${h.emulator.port}` })).status).toBe(200);
	});

	it('keeps the Graph API open to JSON and form bodies, as n8n sends them', async () => {
		const psid = await activeSubscriber(h.control, (await h.control.apps())[0].pages[0].pageId);
		expect((await send(h.graph, DEFAULT_PAGE_TOKEN, textTo(psid, 'as JSON'))).status).toBe(200);
		const form = new URLSearchParams({ recipient: JSON.stringify({ id: psid }), messaging_type: 'RESPONSE', message: JSON.stringify({ text: 'as a form' }) });
		const answer = await raw(h.emulator, 'POST', `/v25.0/me/messages?access_token=${DEFAULT_PAGE_TOKEN}`, { Host: own, 'Content-Type': 'application/x-www-form-urlencoded' }, form.toString());
		expect(answer.status).toBe(200);
		expect((await h.control.deliveries()).map((delivery) => delivery.message.text)).toEqual(expect.arrayContaining(['as JSON', 'as a form']));
	});
});
