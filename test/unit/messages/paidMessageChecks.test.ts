import { PAID_TEXT_MAX } from '../../../emulator/graph/paid/paidSendRequest';
import { MAX_PAID_TEXT_LENGTH } from '../../../nodes/shared/messageLimits';
import { paidMessageProblems } from '../../../nodes/shared/messages/paidMessageChecks';

describe('a message for the paid Marketing Message API (docs/meta-platform.md §3.4)', () => {
	it('holds text to 640 characters, as the emulator does', () => {
		expect(MAX_PAID_TEXT_LENGTH).toBe(PAID_TEXT_MAX);
		expect(paidMessageProblems({ text: 'x'.repeat(640) })).toEqual([]);
		expect(paidMessageProblems({ text: '😀'.repeat(641) })).toEqual([
			{ field: 'Text', limit: 'at most 640 characters in a paid marketing message', message: 'Text has 641 characters; Messenger allows at most 640 characters in a paid marketing message' },
		]);
	});

	it('refuses the opt-in request templates and takes other templates', () => {
		expect(paidMessageProblems({ attachment: { type: 'template', payload: { template_type: 'notification_messages', payload: 'x' } } })[0].message).toMatch(/cannot be sent as a paid marketing message/);
		expect(paidMessageProblems({ attachment: { type: 'template', payload: { template_type: 'generic', elements: [] } } })).toEqual([]);
	});
});
