// Request OTN's Send Message in n8n-core's real engine against the emulator: one item out per
// item in, pairedItem, continueOnFail and the error output as n8n routes them.
import { MessengerOtn } from '../../nodes/MessengerOtn/MessengerOtn.node';
import { runNode } from '../harness/n8nEngine';
import { useEmulator } from './emulatorFixture';

const emulator = useEmulator();

const parameters = {
	resource: 'message',
	operation: 'sendMessage',
	psid: '={{ $json.psid }}',
	text: '=Hi {{ $json.name }}, your order shipped',
	messagingType: 'RESPONSE',
};

describe('Request OTN: Send Message', () => {
	it('sends one message per item and pairs each output with its input', async () => {
		const page = await emulator.newPage();
		const ana = await emulator.activeSubscriber(page.pageId);
		const ben = await emulator.activeSubscriber(page.pageId);
		const run = await runNode({
			node: new MessengerOtn(),
			parameters,
			input: [{ psid: ana, name: 'Ana' }, { psid: ben, name: 'Ben' }],
			credentials: page.credentials,
		});
		expect(run.error).toBeUndefined();
		expect(run.outputs[0].map((item) => [item.json.psid, item.pairedItem])).toEqual([
			[ana, { item: 0 }],
			[ben, { item: 1 }],
		]);
		const received = await emulator.control.deliveries({ pageId: page.pageId });
		expect(received.map((d) => [d.psid, d.message.text, d.messagingType])).toEqual([
			[ana, 'Hi Ana, your order shipped', 'RESPONSE'],
			[ben, 'Hi Ben, your order shipped', 'RESPONSE'],
		]);
		expect(run.outputs[0][0].json.messageId).toBe(received[0].messageId);
	});

	it('sends a subscriber outside the window to the error output, in words a marketer understands, and goes on', async () => {
		const page = await emulator.newPage();
		const active = await emulator.activeSubscriber(page.pageId);
		const { psid: silent } = await emulator.control.createSubscriber(page.pageId);
		const run = await runNode({
			node: new MessengerOtn(),
			parameters,
			input: [{ psid: silent, name: 'Sam' }, { psid: active, name: 'Ana' }],
			credentials: page.credentials,
			onError: 'continueErrorOutput',
		});
		const [sent, failed] = run.outputs;
		expect(sent.map((item) => item.json.psid)).toEqual([active]);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 0 });
		expect(failed[0].json.error).toMatch(/24-hour window is closed/);
		expect(failed[0].json.details).toMatch(/code 10, subcode 2018278/);
	});

	it('stops the workflow on the first failing item unless told to continue, saying how to fix it', async () => {
		const page = await emulator.newPage();
		const { psid } = await emulator.control.createSubscriber(page.pageId);
		const run = await runNode({ node: new MessengerOtn(), parameters, input: [{ psid, name: 'Sam' }], credentials: page.credentials });
		expect(run.error?.message).toMatch(/24-hour window is closed/);
		expect(run.error?.description).toMatch(/Reply within 24 hours/);
		expect(JSON.stringify(run.run.data.resultData)).not.toContain(page.pageToken);
	});

	it('refuses a text over the limit before calling Meta', async () => {
		const page = await emulator.newPage();
		const psid = await emulator.activeSubscriber(page.pageId);
		const run = await runNode({
			node: new MessengerOtn(),
			parameters: { ...parameters, text: 'x'.repeat(2000) },
			input: [{ psid }],
			credentials: page.credentials,
			onError: 'continueRegularOutput',
		});
		expect(run.outputs[0][0].json.error).toMatch(/2000 characters; Messenger takes 1 to 1999/);
		expect(await emulator.control.deliveries({ pageId: page.pageId })).toHaveLength(0);
	});
});
