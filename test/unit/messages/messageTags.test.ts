import { MESSAGE_TAGS, messageTagProblems, RETIRED_MESSAGE_TAGS } from '../../../nodes/shared/messages/messageTags';

describe('message tags', () => {
	it('offers only the tags Meta still accepts', () => {
		expect(Object.keys(MESSAGE_TAGS)).toEqual(['CUSTOMER_FEEDBACK', 'HUMAN_AGENT']);
		expect(messageTagProblems('HUMAN_AGENT')).toEqual([]);
		expect(messageTagProblems('CUSTOMER_FEEDBACK')).toEqual([]);
	});

	it.each(RETIRED_MESSAGE_TAGS)('refuses the retired tag %s before Meta answers error 100, and says what to do instead', (tag) => {
		const [problem] = messageTagProblems(tag);
		expect(problem.field).toBe('Tag');
		expect(problem.limit).toBe('one of CUSTOMER_FEEDBACK, HUMAN_AGENT');
		expect(problem.message).toContain(`Tag ${tag} was retired by Meta on 2026-04-27`);
		expect(problem.message).toContain('one-time notification or marketing messages token');
	});

	it('refuses an empty or unknown tag, listing the ones Messenger allows', () => {
		expect(messageTagProblems('')[0].message).toBe('Tag is empty; Messenger requires one of CUSTOMER_FEEDBACK, HUMAN_AGENT');
		expect(messageTagProblems('PROMO')[0].message).toBe(
			'Tag "PROMO" is not a value Messenger knows; it allows one of CUSTOMER_FEEDBACK, HUMAN_AGENT',
		);
	});
});
