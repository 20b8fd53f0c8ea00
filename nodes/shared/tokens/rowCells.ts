import { isTokenId } from './tokenId';

/**
 * Reading one cell of a row as stores hand it back: Sheets gives strings (an empty cell is ""),
 * SQL drivers give Date objects, Data Tables give ISO strings or Dates, and a column a query left
 * out is missing. Each reader returns the normalised value or says what is wrong, never guesses.
 */

export type Cell<T> = { value: T } | { problem: string };

export function isProblem<T>(cell: Cell<T>): cell is { problem: string } {
	return 'problem' in cell;
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Text, trimmed; "" and missing become null. Numbers are text a sheet turned into numbers. */
export function textCell(value: unknown): Cell<string | null> {
	if (isEmpty(value)) return { value: null };
	if (typeof value === 'string') return { value: value.trim() };
	if (typeof value === 'number' && Number.isFinite(value)) return { value: String(value) };
	if (typeof value === 'bigint') return { value: value.toString() };
	return { problem: 'which is not text' };
}

/** Text of digits that a sheet may have turned into a number; beyond 2^53 that number has lost digits. */
function exactDigitsCell(value: unknown, what: string): Cell<string | null> {
	if (typeof value === 'number' && !Number.isSafeInteger(value)) {
		return { problem: `which is a number too large to be exact; store ${what} as text (format the column as plain text)` };
	}
	return textCell(value);
}

/** A Page ID or PSID: a wrong PSID would message someone else. */
export function idCell(value: unknown): Cell<string | null> {
	return exactDigitsCell(value, 'IDs');
}

/**
 * A token. The paid API's are 17-digit numbers (docs/meta-platform.md §3.5); one a sheet rounded is another
 * token, or none.
 */
export function tokenCell(value: unknown): Cell<string | null> {
	return exactDigitsCell(value, 'tokens');
}

/** A tokenId as tokenIdOf makes it; anything else is a sign of a shifted or edited column. */
export function tokenIdCell(value: unknown): Cell<string | null> {
	const text = textCell(value);
	if (isProblem(text) || text.value === null || isTokenId(text.value)) return text;
	return { problem: 'which is not a tokenId (tok_ and 32 hexadecimal digits)' };
}

/** One of a fixed list, read case-insensitively with spaces and hyphens as underscores ("One-time"). */
export function choiceCell<T extends string>(value: unknown, choices: readonly T[]): Cell<T | null> {
	const text = textCell(value);
	if (isProblem(text) || text.value === null) return text as Cell<null>;
	const normalised = text.value.toLowerCase().replace(/[\s-]+/g, '_');
	return (choices as readonly string[]).includes(normalised)
		? { value: normalised as T }
		: { problem: `which is not one of ${choices.join(', ')}` };
}

// 2026-11-27, 2026-11-27T10:15:02Z, 2026-11-27 10:15:02.478+00 (Postgres text), …+01:00, …+0100
const ISO_DATE_TIME =
	/^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether YYYY-MM-DD is a day the calendar has: new Date() would roll 2026-02-30 over to March 2. */
function isCalendarDay(day: string): boolean {
	const year = Number(day.slice(0, 4));
	const month = Number(day.slice(5, 7));
	const date = Number(day.slice(8, 10));
	const leapDay = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
	return month >= 1 && month <= 12 && date >= 1 && date <= DAYS_IN_MONTH[month - 1] + leapDay;
}

// What the nodes write (Date.toISOString): most rows of a store, read without parsing a Date.
const UTC_ISO = /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** Whether `text` is an instant exactly as Date.toISOString writes it, on a day the calendar has. */
function isUtcIsoText(text: string): boolean {
	const match = UTC_ISO.exec(text);
	return match !== null && isCalendarDay(match[1]);
}

function fromIsoText(text: string): Date | undefined {
	const match = ISO_DATE_TIME.exec(text);
	if (!match || !isCalendarDay(match[1])) return undefined;
	const [, day, time = '00:00', zone = 'Z'] = match;
	const [clock, fraction] = time.split('.');
	const seconds = clock.length === 5 ? `${clock}:00` : clock;
	const millis = fraction ? `.${fraction.slice(0, 3).padEnd(3, '0')}` : '';
	const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
	const date = new Date(`${day}T${seconds}${millis}${offset}`);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

function fromDateLike(value: object): Date | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	// Luxon DateTime (n8n's own date type in expressions) and other objects that render ISO.
	const candidate = value as { toISO?: () => unknown; toISOString?: () => unknown };
	const text = typeof candidate.toISO === 'function' ? candidate.toISO() : typeof candidate.toISOString === 'function' ? candidate.toISOString() : undefined;
	return typeof text === 'string' ? fromIsoText(text) : undefined;
}

/**
 * An instant as an ISO string in UTC. Accepts Date objects and ISO 8601 text; text without a
 * time zone is read as UTC (what the nodes write). Numbers are refused: seconds, milliseconds
 * and spreadsheet serial days look alike.
 */
export function dateCell(value: unknown): Cell<string | null> {
	if (isEmpty(value)) return { value: null };
	if (typeof value === 'string' && isUtcIsoText(value)) return { value };
	const date = typeof value === 'string' ? fromIsoText(value.trim()) : typeof value === 'object' ? fromDateLike(value as object) : undefined;
	if (date) return { value: date.toISOString() };
	return {
		problem:
			typeof value === 'number'
				? 'which is a number, not a date; store dates as ISO 8601 text or a date/timestamp column'
				: 'which is not an ISO 8601 date such as 2026-11-27T10:15:02.478Z',
	};
}
