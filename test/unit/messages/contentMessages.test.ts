import { buttonTemplateMessage } from '../../../nodes/shared/messages/buttonTemplate';
import type { ButtonInput } from '../../../nodes/shared/messages/buttons';
import { genericTemplateMessage } from '../../../nodes/shared/messages/genericTemplate';
import { mediaMessage } from '../../../nodes/shared/messages/mediaMessage';
import type { Built } from '../../../nodes/shared/messages/messageProblem';
import type { MessengerMessage } from '../../../nodes/shared/messages/messageTypes';
import { textMessage } from '../../../nodes/shared/messages/textMessage';

const postback = (title = 'Notify me', payload = 'OTN_REQ:SKU123'): ButtonInput => ({ kind: 'postback', title, payload });
const link = (title = 'Open shop', url = 'https://shop.example'): ButtonInput => ({ kind: 'url', title, url });

function problemsOf(built: Built<MessengerMessage>): string[] {
	return built.ok ? [] : built.problems.map((problem) => problem.message);
}

describe('text', () => {
	it('builds a text message', () => {
		expect(textMessage('Your order shipped')).toEqual({ ok: true, message: { text: 'Your order shipped' } });
	});

	it('takes up to 1999 characters, emoji counted as one each', () => {
		expect(textMessage('x'.repeat(1999)).ok).toBe(true);
		expect(textMessage('👍'.repeat(1999)).ok).toBe(true);
		expect(problemsOf(textMessage('x'.repeat(2000)))).toEqual(['Text has 2000 characters; Messenger allows 1 to 1999 characters']);
	});

	it('refuses empty text', () => {
		expect(problemsOf(textMessage(' '))).toEqual(['Text is empty; Messenger requires 1 to 1999 characters']);
	});
});

describe('button template', () => {
	it('builds postback and URL buttons under a text', () => {
		expect(buttonTemplateMessage('Back in stock soon. Want a heads-up?', [postback(), link()])).toEqual({
			ok: true,
			message: {
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
			},
		});
	});

	it('needs 1 to 3 buttons', () => {
		expect(problemsOf(buttonTemplateMessage('Pick one', []))).toEqual(['Buttons: 0 given; Messenger allows 1 to 3']);
		expect(buttonTemplateMessage('Pick one', [postback(), postback(), postback()]).ok).toBe(true);
		expect(problemsOf(buttonTemplateMessage('Pick one', [postback(), postback(), postback(), link()]))).toEqual([
			'Buttons: 4 given; Messenger allows 1 to 3',
		]);
	});

	it('takes a text of 1 to 640 characters', () => {
		expect(buttonTemplateMessage('x'.repeat(640), [postback()]).ok).toBe(true);
		expect(problemsOf(buttonTemplateMessage('x'.repeat(641), [postback()]))).toEqual([
			'Text has 641 characters; Messenger allows 1 to 640 characters',
		]);
		expect(problemsOf(buttonTemplateMessage('', [postback()]))).toEqual(['Text is empty; Messenger requires 1 to 640 characters']);
	});

	it('checks each button: title 1 to 20, postback payload 1 to 1000, an http(s) URL', () => {
		expect(buttonTemplateMessage('Pick', [postback('x'.repeat(20), 'p'.repeat(1000))]).ok).toBe(true);
		expect(
			problemsOf(buttonTemplateMessage('Pick', [postback('x'.repeat(21), ''), link('', 'shop.example'), postback('Ok', 'p'.repeat(1001))])),
		).toEqual([
			'Button 1 title has 21 characters; Messenger allows 1 to 20 characters',
			'Button 1 payload is empty; Messenger requires 1 to 1000 characters',
			'Button 2 title is empty; Messenger requires 1 to 20 characters',
			'Button 2 URL is not an http or https URL',
			'Button 3 payload has 1001 characters; Messenger allows 1 to 1000 characters',
		]);
	});

	it('lists the problems of the text and of the buttons together', () => {
		expect(problemsOf(buttonTemplateMessage('', []))).toHaveLength(2);
	});
});

describe('image or file by URL', () => {
	it('builds an image or a file attachment', () => {
		expect(mediaMessage('image', 'https://shop.example/red.png')).toEqual({
			ok: true,
			message: { attachment: { type: 'image', payload: { url: 'https://shop.example/red.png' } } },
		});
		expect(mediaMessage('file', 'https://shop.example/invoice.pdf')).toEqual({
			ok: true,
			message: { attachment: { type: 'file', payload: { url: 'https://shop.example/invoice.pdf' } } },
		});
	});

	it('needs an http(s) URL, named for the kind of media', () => {
		expect(problemsOf(mediaMessage('image', ''))).toEqual(['Image URL is empty; Messenger requires an http or https URL']);
		expect(problemsOf(mediaMessage('file', '/tmp/invoice.pdf'))).toEqual(['File URL is not an http or https URL']);
	});
});

describe('generic template', () => {
	it('builds cards and leaves out empty optional fields', () => {
		const built = genericTemplateMessage([
			{ title: 'Red sneakers', subtitle: 'Back in stock', imageUrl: 'https://shop.example/red.png', buttons: [link('Buy')] },
			{ title: 'Blue sneakers', subtitle: '', imageUrl: '', buttons: [] },
		]);
		expect(built).toEqual({
			ok: true,
			message: {
				attachment: {
					type: 'template',
					payload: {
						template_type: 'generic',
						elements: [
							{
								title: 'Red sneakers',
								subtitle: 'Back in stock',
								image_url: 'https://shop.example/red.png',
								buttons: [{ type: 'web_url', title: 'Buy', url: 'https://shop.example' }],
							},
							{ title: 'Blue sneakers' },
						],
					},
				},
			},
		});
	});

	it('needs 1 to 10 elements', () => {
		const card = { title: 'Card' };
		expect(problemsOf(genericTemplateMessage([]))).toEqual(['Elements: 0 given; Messenger allows 1 to 10']);
		expect(genericTemplateMessage(Array(10).fill(card)).ok).toBe(true);
		expect(problemsOf(genericTemplateMessage(Array(11).fill(card)))).toEqual(['Elements: 11 given; Messenger allows 1 to 10']);
	});

	it('checks each element: title 1 to 80, subtitle up to 80, image URL, up to 3 buttons', () => {
		expect(genericTemplateMessage([{ title: 'x'.repeat(80), subtitle: 's'.repeat(80) }]).ok).toBe(true);
		expect(
			problemsOf(
				genericTemplateMessage([
					{ title: 'Fine' },
					{ title: 'x'.repeat(81), subtitle: 's'.repeat(81), imageUrl: 'red.png', buttons: [link(), link(), link(), postback('', 'p')] },
					{ title: '' },
				]),
			),
		).toEqual([
			'Element 2 title has 81 characters; Messenger allows 1 to 80 characters',
			'Element 2 subtitle has 81 characters; Messenger allows at most 80 characters',
			'Element 2 image URL is not an http or https URL',
			'Element 2 buttons: 4 given; Messenger allows at most 3',
			'Element 2 button 4 title is empty; Messenger requires 1 to 20 characters',
			'Element 3 title is empty; Messenger requires 1 to 80 characters',
		]);
	});
});
