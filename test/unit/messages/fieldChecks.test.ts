import {
	characterCount,
	checkCount,
	checkOptionalOneOf,
	checkOptionalText,
	checkOptionalTimezone,
	checkOptionalUrl,
	checkRequiredText,
	checkRequiredUrl,
} from '../../../nodes/shared/messages/fieldChecks';

describe('field checks', () => {
	it('counts characters as code points, as Meta and the emulator do', () => {
		expect(characterCount('héllo')).toBe(5);
		expect(characterCount('👍👍')).toBe(2);
	});

	describe('required text', () => {
		it('passes text from 1 character up to the limit', () => {
			expect(checkRequiredText('a', 'Title', 3)).toEqual([]);
			expect(checkRequiredText('abc', 'Title', 3)).toEqual([]);
			expect(checkRequiredText('👍👍👍', 'Title', 3)).toEqual([]);
		});

		it('names the field and the limit when the text is empty or blank', () => {
			const expected = [{ field: 'Title', limit: '1 to 65 characters', message: 'Title is empty; Messenger requires 1 to 65 characters' }];
			expect(checkRequiredText('', 'Title', 65)).toEqual(expected);
			expect(checkRequiredText('  \n', 'Title', 65)).toEqual(expected);
		});

		it('says how long the text is and what Messenger allows when it is too long', () => {
			expect(checkRequiredText('abcd', 'Title', 3)).toEqual([
				{ field: 'Title', limit: '1 to 3 characters', message: 'Title has 4 characters; Messenger allows 1 to 3 characters' },
			]);
		});
	});

	describe('optional text', () => {
		it('passes empty text and text up to the limit', () => {
			expect(checkOptionalText('', 'Subtitle', 3)).toEqual([]);
			expect(checkOptionalText('abc', 'Subtitle', 3)).toEqual([]);
		});

		it('refuses text over the limit', () => {
			expect(checkOptionalText('abcd', 'Subtitle', 3)).toEqual([
				{ field: 'Subtitle', limit: 'at most 3 characters', message: 'Subtitle has 4 characters; Messenger allows at most 3 characters' },
			]);
		});
	});

	describe('counts', () => {
		it('passes counts inside the range', () => {
			expect(checkCount(1, 'Buttons', 1, 3)).toEqual([]);
			expect(checkCount(3, 'Buttons', 1, 3)).toEqual([]);
			expect(checkCount(0, 'Quick replies', 0, 13)).toEqual([]);
		});

		it('says how many were given and the range', () => {
			expect(checkCount(0, 'Buttons', 1, 3)).toEqual([{ field: 'Buttons', limit: '1 to 3', message: 'Buttons: 0 given; Messenger allows 1 to 3' }]);
			expect(checkCount(14, 'Quick replies', 0, 13)).toEqual([
				{ field: 'Quick replies', limit: 'at most 13', message: 'Quick replies: 14 given; Messenger allows at most 13' },
			]);
		});
	});

	describe('URLs', () => {
		it('passes http and https URLs', () => {
			expect(checkRequiredUrl('https://shop.example/a.png', 'Image URL')).toEqual([]);
			expect(checkRequiredUrl('http://shop.example/a.pdf', 'File URL')).toEqual([]);
			expect(checkOptionalUrl('', 'Image URL')).toEqual([]);
		});

		it('refuses an empty required URL, and anything that is not http(s) without repeating it', () => {
			expect(checkRequiredUrl('', 'Image URL')[0].message).toBe('Image URL is empty; Messenger requires an http or https URL');
			const [problem] = checkOptionalUrl('ftp://files.example/?key=SECRET', 'Image URL');
			expect(problem).toEqual({ field: 'Image URL', limit: 'an http or https URL', message: 'Image URL is not an http or https URL' });
			expect(checkOptionalUrl('https://shop.example/a b', 'Image URL')).toHaveLength(1);
		});
	});

	describe('fixed values', () => {
		it("passes Meta's values and nothing", () => {
			expect(checkOptionalOneOf('SQUARE', 'Image aspect ratio', ['HORIZONTAL', 'SQUARE'])).toEqual([]);
			expect(checkOptionalOneOf('', 'Image aspect ratio', ['HORIZONTAL', 'SQUARE'])).toEqual([]);
		});

		it('lists the values Messenger allows', () => {
			expect(checkOptionalOneOf('square', 'Image aspect ratio', ['HORIZONTAL', 'SQUARE'])).toEqual([
				{
					field: 'Image aspect ratio',
					limit: 'one of HORIZONTAL, SQUARE',
					message: 'Image aspect ratio "square" is not a value Messenger knows; it allows one of HORIZONTAL, SQUARE',
				},
			]);
		});

		it('cuts a long value short', () => {
			const [problem] = checkOptionalOneOf('x'.repeat(100), 'Tag', ['HUMAN_AGENT']);
			expect(problem.message).toContain(`"${'x'.repeat(40)}…"`);
		});
	});

	describe('time zones', () => {
		it('passes IANA zones and nothing', () => {
			expect(checkOptionalTimezone('Europe/Paris', 'Timezone')).toEqual([]);
			expect(checkOptionalTimezone('UTC', 'Timezone')).toEqual([]);
			expect(checkOptionalTimezone('', 'Timezone')).toEqual([]);
		});

		it('refuses anything else', () => {
			expect(checkOptionalTimezone('Mars/Olympus', 'Timezone')).toEqual([
				{
					field: 'Timezone',
					limit: 'an IANA time zone such as Europe/Paris',
					message: 'Timezone "Mars/Olympus" is not a time zone; Messenger expects an IANA time zone such as Europe/Paris',
				},
			]);
		});
	});
});
