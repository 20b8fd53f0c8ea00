import type { MessageProblem } from './messageProblem';

/**
 * The checks every message part is made of. Each returns the problems it found (none or one), so a
 * builder lists all of a message's problems at once. Lengths count characters (code points), not
 * UTF-16 units, as Meta and the emulator do.
 */

export function characterCount(text: string): number {
	return [...text].length;
}

function problem(field: string, limit: string, message: string): MessageProblem[] {
	return [{ field, limit, message }];
}

/** Values are quoted only from fixed lists and time zones, and cut short: never a URL, which may carry a key. */
function quoted(value: string): string {
	const text = characterCount(value) > 40 ? `${[...value].slice(0, 40).join('')}…` : value;
	return `"${text}"`;
}

/** Text that must be there, at most `max` characters; blank counts as empty. */
export function checkRequiredText(value: string, field: string, max: number): MessageProblem[] {
	const limit = `1 to ${max} characters`;
	if (value.trim() === '') return problem(field, limit, `${field} is empty; Messenger requires ${limit}`);
	return checkLength(value, field, max, limit);
}

/** Text that may be left empty, at most `max` characters otherwise. */
export function checkOptionalText(value: string, field: string, max: number): MessageProblem[] {
	return checkLength(value, field, max, `at most ${max} characters`);
}

function checkLength(value: string, field: string, max: number, limit: string): MessageProblem[] {
	const length = characterCount(value);
	if (length <= max) return [];
	return problem(field, limit, `${field} has ${length} characters; Messenger allows ${limit}`);
}

/** How many parts of one kind, e.g. buttons: `min` to `max`. */
export function checkCount(count: number, field: string, min: number, max: number): MessageProblem[] {
	if (count >= min && count <= max) return [];
	const limit = min > 0 ? `${min} to ${max}` : `at most ${max}`;
	return problem(field, limit, `${field}: ${count} given; Messenger allows ${limit}`);
}

const HTTP_URL = /^https?:\/\/\S+$/i;

/** An http(s) URL that must be there. */
export function checkRequiredUrl(value: string, field: string): MessageProblem[] {
	const limit = 'an http or https URL';
	if (value.trim() === '') return problem(field, limit, `${field} is empty; Messenger requires ${limit}`);
	return checkOptionalUrl(value, field);
}

/** An http(s) URL, or nothing. */
export function checkOptionalUrl(value: string, field: string): MessageProblem[] {
	if (value === '' || HTTP_URL.test(value)) return [];
	return problem(field, 'an http or https URL', `${field} is not an http or https URL`);
}

/** One of Meta's fixed values, or nothing. */
export function checkOptionalOneOf(value: string, field: string, allowed: readonly string[]): MessageProblem[] {
	if (value === '' || allowed.includes(value)) return [];
	const limit = `one of ${allowed.join(', ')}`;
	return problem(field, limit, `${field} ${quoted(value)} is not a value Messenger knows; it allows ${limit}`);
}

/** An IANA time zone such as Europe/Paris, or nothing. */
export function checkOptionalTimezone(value: string, field: string): MessageProblem[] {
	if (value === '' || isTimezone(value)) return [];
	const limit = 'an IANA time zone such as Europe/Paris';
	return problem(field, limit, `${field} ${quoted(value)} is not a time zone; Messenger expects ${limit}`);
}

function isTimezone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}
