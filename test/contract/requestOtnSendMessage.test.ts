// Request OTN's Send Message in n8n-core's real engine against the emulator: one item out per
// item in, pairedItem, continueOnFail and the error output as n8n routes them, and what each kind
// of message looks like to the subscriber (the emulator's deliveries).
import type { IDataObject } from 'n8n-workflow';

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

const DAY_MS = 24 * 60 * 60 * 1000;

/** One message of the given parameters to a subscriber inside the window; what they received. */
async function sendOne(change: IDataObject) {
	const page = await emulator.newPage();
	const psid = await emulator.activeSubscriber(page.pageId);
	const run = await runNode({ node: new MessengerOtn(), parameters: { ...parameters, ...change }, input: [{ psid }], credentials: page.credentials });
	const received = await emulator.control.deliveries({ pageId: page.pageId, psid });
	return { run, received, psid };
}

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
		expect(run.outputs[0][0].json.error).toMatch(/Text has 2000 characters; Messenger allows 1 to 1999 characters/);
		expect(await emulator.control.deliveries({ pageId: page.pageId })).toHaveLength(0);
	});

	describe('what the subscriber receives', () => {
		it.each<[string, IDataObject, IDataObject]>([
			[
				'text with quick replies',
				{ text: 'Which colour?', quickReplies: { quickReply: [{ title: 'Red', payload: 'RED', imageUrl: 'https://shop.example/red.png' }, { title: 'Blue', payload: 'BLUE' }] } },
				{
					text: 'Which colour?',
					quick_replies: [
						{ content_type: 'text', title: 'Red', payload: 'RED', image_url: 'https://shop.example/red.png' },
						{ content_type: 'text', title: 'Blue', payload: 'BLUE' },
					],
				},
			],
			[
				'buttons',
				{
					messageType: 'buttons',
					text: 'Out of stock. Want a heads-up when it is back?',
					buttons: { button: [{ type: 'postback', title: 'Notify me', payload: 'OTN_REQ:SKU123' }, { type: 'url', title: 'Open shop', url: 'https://shop.example' }] },
				},
				{
					attachment: {
						type: 'template',
						payload: {
							template_type: 'button',
							text: 'Out of stock. Want a heads-up when it is back?',
							buttons: [
								{ type: 'postback', title: 'Notify me', payload: 'OTN_REQ:SKU123' },
								{ type: 'web_url', title: 'Open shop', url: 'https://shop.example' },
							],
						},
					},
				},
			],
			['an image', { messageType: 'image', mediaUrl: 'https://shop.example/red.png' }, { attachment: { type: 'image', payload: { url: 'https://shop.example/red.png' } } }],
			['a file', { messageType: 'file', mediaUrl: 'https://shop.example/size-guide.pdf' }, { attachment: { type: 'file', payload: { url: 'https://shop.example/size-guide.pdf' } } }],
			[
				'a generic template with quick replies',
				{
					messageType: 'generic',
					elements: {
						element: [
							{ title: 'Red sneakers', subtitle: 'Back in stock', imageUrl: 'https://shop.example/red.png', buttons: { button: [{ type: 'postback', title: 'Notify me', payload: 'OTN_REQ:RED' }] } },
							{ title: 'Blue sneakers' },
						],
					},
					quickReplies: { quickReply: [{ title: 'More', payload: 'MORE' }] },
				},
				{
					attachment: {
						type: 'template',
						payload: {
							template_type: 'generic',
							elements: [
								{ title: 'Red sneakers', subtitle: 'Back in stock', image_url: 'https://shop.example/red.png', buttons: [{ type: 'postback', title: 'Notify me', payload: 'OTN_REQ:RED' }] },
								{ title: 'Blue sneakers' },
							],
						},
					},
					quick_replies: [{ content_type: 'text', title: 'More', payload: 'MORE' }],
				},
			],
		])('%s', async (_name, change, message) => {
			const { run, received, psid } = await sendOne(change);
			expect(run.error).toBeUndefined();
			expect(received.map((delivery) => delivery.message)).toEqual([message]);
			expect(run.outputs[0].map((item) => item.json)).toEqual([{ operation: 'sendMessage', psid, messageId: received[0].messageId }]);
		});

		it('a message the Page starts, as UPDATE', async () => {
			const { received } = await sendOne({ messagingType: 'UPDATE' });
			expect(received.map((delivery) => delivery.messagingType)).toEqual(['UPDATE']);
		});

		it('nothing when the message breaks a limit: every problem is listed before any call', async () => {
			const page = await emulator.newPage();
			const psid = await emulator.activeSubscriber(page.pageId);
			const run = await runNode({
				node: new MessengerOtn(),
				parameters: { ...parameters, messageType: 'generic', elements: { element: [{ title: 'x'.repeat(81), buttons: { button: [{ type: 'url', title: 'Buy', url: 'shop.example' }] } }] } },
				input: [{ psid }],
				credentials: page.credentials,
				onError: 'continueErrorOutput',
			});
			const [sent, failed] = run.outputs;
			expect(sent).toEqual([]);
			expect(failed[0].json.error).toBe('Element 1 title has 81 characters; Messenger allows 1 to 80 characters (and 1 more)');
			expect(failed[0].json.details).toContain('Element 1 button 1 URL is not an http or https URL');
			expect((await emulator.control.stats()).pages.find((stats) => stats.key === page.pageId)?.calls ?? 0).toBe(0);
		});
	});

	describe('outside the 24-hour window', () => {
		it('a human agent may still answer within 7 days with the HUMAN_AGENT tag', async () => {
			const page = await emulator.newPage();
			const psid = await emulator.activeSubscriber(page.pageId);
			await emulator.control.advanceClock(2 * DAY_MS);
			const input = [{ psid, name: 'Ana' }];
			const response = await runNode({ node: new MessengerOtn(), parameters, input, credentials: page.credentials, onError: 'continueRegularOutput' });
			expect(response.outputs[0][0].json.error).toMatch(/24-hour window is closed/);
			const tagged = await runNode({
				node: new MessengerOtn(),
				parameters: { ...parameters, messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' },
				input,
				credentials: page.credentials,
			});
			expect(tagged.error).toBeUndefined();
			const received = await emulator.control.deliveries({ pageId: page.pageId, psid });
			expect(received.map((delivery) => [delivery.messagingType, delivery.tag])).toEqual([['MESSAGE_TAG', 'HUMAN_AGENT']]);
		});

		it('a retired tag given by an expression is refused before Meta would answer error 100', async () => {
			const page = await emulator.newPage();
			const psid = await emulator.activeSubscriber(page.pageId);
			const run = await runNode({
				node: new MessengerOtn(),
				parameters: { ...parameters, messagingType: 'MESSAGE_TAG', tag: '={{ "ACCOUNT_" + "UPDATE" }}' },
				input: [{ psid }],
				credentials: page.credentials,
			});
			expect(run.error?.message).toMatch(/^Tag ACCOUNT_UPDATE was retired by Meta on 2026-04-27/);
			expect(await emulator.control.deliveries({ pageId: page.pageId })).toHaveLength(0);
		});
	});
});
