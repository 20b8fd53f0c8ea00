import type { Built } from '../../../nodes/shared/messages/messageProblem';
import type { MessengerMessage } from '../../../nodes/shared/messages/messageTypes';
import { mediaMessage } from '../../../nodes/shared/messages/mediaMessage';
import { withQuickReplies, type QuickReplyInput } from '../../../nodes/shared/messages/quickReplies';
import { textMessage } from '../../../nodes/shared/messages/textMessage';

const reply = (title: string, payload = title.toUpperCase(), imageUrl?: string): QuickReplyInput => ({ title, payload, imageUrl });

function problemsOf(built: Built<MessengerMessage>): string[] {
	return built.ok ? [] : built.problems.map((problem) => problem.message);
}

describe('quick replies', () => {
	it('adds text quick replies to a message, with an image where given', () => {
		expect(withQuickReplies(textMessage('Which colour?'), [reply('Red', 'RED', 'https://shop.example/red.png'), reply('Blue')])).toEqual({
			ok: true,
			message: {
				text: 'Which colour?',
				quick_replies: [
					{ content_type: 'text', title: 'Red', payload: 'RED', image_url: 'https://shop.example/red.png' },
					{ content_type: 'text', title: 'Blue', payload: 'BLUE' },
				],
			},
		});
	});

	it('go on any message, attachments included', () => {
		const built = withQuickReplies(mediaMessage('image', 'https://shop.example/red.png'), [reply('Like it')]);
		expect(built.ok && built.message).toMatchObject({ attachment: { type: 'image' }, quick_replies: [{ title: 'Like it' }] });
	});

	it('leave a message without quick replies as it is', () => {
		expect(withQuickReplies(textMessage('Hi'), [])).toEqual({ ok: true, message: { text: 'Hi' } });
	});

	it('take at most 13', () => {
		const replies = Array.from({ length: 13 }, (_, index) => reply(`Option ${index + 1}`));
		expect(withQuickReplies(textMessage('Pick'), replies).ok).toBe(true);
		expect(problemsOf(withQuickReplies(textMessage('Pick'), [...replies, reply('One more')]))).toEqual([
			'Quick replies: 14 given; Messenger allows at most 13',
		]);
	});

	it('check each title (1 to 20), payload (1 to 1000) and image URL', () => {
		expect(withQuickReplies(textMessage('Pick'), [reply('x'.repeat(20), 'p'.repeat(1000))]).ok).toBe(true);
		expect(
			problemsOf(withQuickReplies(textMessage('Pick'), [reply('x'.repeat(21)), reply('Blue', ''), reply('Green', 'p'.repeat(1001), 'green.png')])),
		).toEqual([
			'Quick reply 1 title has 21 characters; Messenger allows 1 to 20 characters',
			'Quick reply 2 payload is empty; Messenger requires 1 to 1000 characters',
			'Quick reply 3 payload has 1001 characters; Messenger allows 1 to 1000 characters',
			'Quick reply 3 image URL is not an http or https URL',
		]);
	});

	it("list the message's problems first, then their own", () => {
		expect(problemsOf(withQuickReplies(textMessage(''), [reply('')]))).toEqual([
			'Text is empty; Messenger requires 1 to 1999 characters',
			'Quick reply 1 title is empty; Messenger requires 1 to 20 characters',
			'Quick reply 1 payload is empty; Messenger requires 1 to 1000 characters',
		]);
	});
});
