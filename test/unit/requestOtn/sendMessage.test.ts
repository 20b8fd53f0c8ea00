import type { IDataObject } from 'n8n-workflow';

import { MessengerOtn } from '../../../nodes/MessengerOtn/MessengerOtn.node';
import { META_ERRORS } from '../../fixtures/metaErrorBodies';
import { fakeExecuteContext, sent, type FakeRun } from './fakeExecuteContext';

const base = { resource: 'message', operation: 'sendMessage', psid: '42', messageType: 'text', text: 'Hi', messagingType: 'RESPONSE', quickReplies: {} };

async function run(parameters: IDataObject, options: Omit<FakeRun, 'parameters'> = {}) {
	const { context, requests } = fakeExecuteContext({ parameters: { ...base, ...parameters }, ...options });
	try {
		const [output] = await new MessengerOtn().execute.call(context);
		return { output, requests, error: undefined };
	} catch (error) {
		return { output: [], requests, error: error as { message: string; description?: string } };
	}
}

const bodyOf = (requests: Array<{ body?: unknown }>, index = 0) => requests[index].body as IDataObject;

describe('Request OTN: Send Message', () => {
	it('sends a text to the PSID as a RESPONSE and puts out the recipient, the message id and the operation', async () => {
		const { output, requests } = await run({});
		expect(requests).toHaveLength(1);
		expect(requests[0]).toMatchObject({ method: 'POST', url: '/me/messages' });
		expect(bodyOf(requests)).toEqual({ recipient: { id: '42' }, message: { text: 'Hi' }, messaging_type: 'RESPONSE' });
		expect(output).toEqual([{ json: { operation: 'sendMessage', psid: '42', messageId: 'm_1' }, pairedItem: { item: 0 } }]);
	});

	it('sends buttons, with postback and URL buttons', async () => {
		const { requests } = await run({
			messageType: 'buttons',
			text: 'Back in stock soon. Want a heads-up?',
			buttons: {
				button: [
					{ type: 'postback', title: 'Notify me', payload: 'OTN_REQ:SKU123' },
					{ type: 'url', title: 'Open shop', url: ' https://shop.example ' },
				],
			},
		});
		expect(bodyOf(requests).message).toEqual({
			attachment: {
				type: 'template',
				payload: {
					template_type: 'button',
					text: 'Back in stock soon. Want a heads-up?',
					buttons: [
						{ type: 'postback', title: 'Notify me', payload: 'OTN_REQ:SKU123' },
						{ type: 'web_url', title: 'Open shop', url: 'https://shop.example' },
					],
				},
			},
		});
	});

	it.each(['image', 'file'])('sends an %s by URL', async (messageType) => {
		const { requests } = await run({ messageType, mediaUrl: 'https://shop.example/a' });
		expect(bodyOf(requests).message).toEqual({ attachment: { type: messageType, payload: { url: 'https://shop.example/a' } } });
	});

	it('sends a generic template, buttons on the cards included', async () => {
		const { requests } = await run({
			messageType: 'generic',
			elements: {
				element: [
					{ title: 'Red sneakers', subtitle: 'Back in stock', imageUrl: 'https://shop.example/red.png', buttons: { button: [{ type: 'url', title: 'Buy', url: 'https://shop.example/red' }] } },
					{ title: 'Blue sneakers', subtitle: '', imageUrl: '', buttons: {} },
				],
			},
		});
		expect(bodyOf(requests).message).toEqual({
			attachment: {
				type: 'template',
				payload: {
					template_type: 'generic',
					elements: [
						{ title: 'Red sneakers', subtitle: 'Back in stock', image_url: 'https://shop.example/red.png', buttons: [{ type: 'web_url', title: 'Buy', url: 'https://shop.example/red' }] },
						{ title: 'Blue sneakers' },
					],
				},
			},
		});
	});

	it('adds quick replies to the message', async () => {
		const { requests } = await run({ quickReplies: { quickReply: [{ title: 'Red', payload: 'RED', imageUrl: '' }, { title: 'Blue', payload: 'BLUE' }] } });
		expect(bodyOf(requests).message).toEqual({
			text: 'Hi',
			quick_replies: [
				{ content_type: 'text', title: 'Red', payload: 'RED' },
				{ content_type: 'text', title: 'Blue', payload: 'BLUE' },
			],
		});
	});

	it('sends UPDATE, and a tag with MESSAGE_TAG', async () => {
		expect(bodyOf((await run({ messagingType: 'UPDATE' })).requests).messaging_type).toBe('UPDATE');
		const tagged = bodyOf((await run({ messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' })).requests);
		expect(tagged).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
	});

	it('refuses a retired tag given by an expression before calling Meta', async () => {
		const { error, requests } = await run({ messagingType: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE' });
		expect(requests).toHaveLength(0);
		expect(error?.message).toContain('Tag POST_PURCHASE_UPDATE was retired by Meta on 2026-04-27');
	});

	it('refuses an unknown messaging type before calling Meta', async () => {
		const { error, requests } = await run({ messagingType: 'PROMOTION' });
		expect(requests).toHaveLength(0);
		expect(error?.message).toBe('The messaging type "PROMOTION" is not one Messenger allows here');
		expect(error?.description).toBe('Choose one of RESPONSE, UPDATE, MESSAGE_TAG.');
	});

	it('refuses an empty PSID and says where it usually comes from', async () => {
		const { error, requests } = await run({ psid: '  ' });
		expect(requests).toHaveLength(0);
		expect(error?.message).toBe('The recipient PSID is empty');
		expect(error?.description).toContain('{{ $json.psid }}');
	});

	it('lists every problem of the message, says nothing was sent, and makes no call', async () => {
		const { error, requests } = await run({
			messageType: 'buttons',
			text: 'x'.repeat(641),
			buttons: { button: [{ type: 'postback', title: 'A title far over twenty', payload: '' }] },
			quickReplies: { quickReply: Array.from({ length: 14 }, (_, i) => ({ title: `Q${i}`, payload: `Q${i}` })) },
		});
		expect(requests).toHaveLength(0);
		expect(error?.message).toBe('Text has 641 characters; Messenger allows 1 to 640 characters (and 3 more)');
		expect(error?.description).toBe(
			[
				'Nothing was sent: Messenger would refuse this message. Change these parameters and run again:',
				'- Text has 641 characters; Messenger allows 1 to 640 characters',
				'- Button 1 title has 23 characters; Messenger allows 1 to 20 characters',
				'- Button 1 payload is empty; Messenger requires 1 to 1000 characters',
				'- Quick replies: 14 given; Messenger allows at most 13',
			].join('\n'),
		);
	});

	it('puts a problem item out and goes on under continueOnFail', async () => {
		const { output, requests } = await run({}, {
			items: [{}, {}],
			continueOnFail: true,
			respond: (() => {
				let call = 0;
				return () => (call++ === 0 ? { statusCode: META_ERRORS.outsideWindow.httpStatus, body: META_ERRORS.outsideWindow.body } : sent('m_2'));
			})(),
		});
		expect(requests).toHaveLength(2);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(Object.keys(output[0].json).sort()).toEqual(['details', 'error']);
		expect(output[0].json.error).toMatch(/24-hour window is closed/);
		expect(output[0].json.details).toMatch(/Reply within 24 hours.*code 10, subcode 2018278, HTTP 400, fbtrace_id trace-10-2018278/);
		expect(output[1]).toEqual({ json: { operation: 'sendMessage', psid: '42', messageId: 'm_2' }, pairedItem: { item: 1 } });
	});

	it('refuses a message type it does not know', async () => {
		const { error } = await run({ messageType: 'sticker' });
		expect(error?.message).toBe('The message type "sticker" is not known');
	});
});
