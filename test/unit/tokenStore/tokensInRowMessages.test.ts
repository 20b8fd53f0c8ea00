/** A shifted or rounded column must not put a token into a message: paid-API tokens are short digit strings. */
import { ItemErrors } from '../../../nodes/shared/itemErrors';
import { readSubscriberRow } from '../../../nodes/shared/tokens/rowsToForget';
import { normalizeTokenRow } from '../../../nodes/shared/tokens/normalizeTokenRow';
import { readTokenRows } from '../../../nodes/shared/tokens/readRows';
import { rowLabel } from '../../../nodes/shared/tokens/rowLabel';
import { hasProblem, type RowCheck } from '../../../nodes/shared/tokens/rowProblem';
import { readStatusEvent } from '../../../nodes/shared/tokens/statusEvent';
import { tokenIdOf } from '../../../nodes/shared/tokens/tokenId';
import { tokenRowFromOptIn } from '../../../nodes/shared/tokens/tokenRowFromOptIn';
import { fakeExecuteContext } from '../requestOtn/fakeExecuteContext';
import { tokenRow } from './tokenRows';

// docs/meta-platform.md §3.5 prints a subscription token as "12348141984909088"; no double holds this one (Number() gives …088).
const TOKEN = '12348141984909089';
const ROUNDED = String(Number(TOKEN));
const paidRow = tokenRow('P', { token: TOKEN, tokenId: tokenIdOf(TOKEN), tokenType: 'marketing', expiresAt: null });

function problemOf<T>(check: RowCheck<T>) {
	if (!hasProblem(check)) throw new Error(`expected a problem, got ${JSON.stringify(check)}`);
	return check.problem;
}

function expectNoToken(text: string) {
	expect(text).not.toContain(TOKEN);
	expect(text).not.toContain(ROUNDED);
	expect(text).not.toMatch(/\d{10}/);
}

describe('a token that a sheet turned into a number', () => {
	it('is refused when it lost digits, with the fix, instead of becoming another token', () => {
		expect(ROUNDED).not.toBe(TOKEN);
		const problem = problemOf(normalizeTokenRow({ ...paidRow, token: Number(TOKEN), tokenId: '' }, { requireToken: true }));
		expect(problem.column).toBe('token');
		expect(problem.message).toBe(
			'column "token" holds a number of 17 digits, which is a number too large to be exact; store tokens as text (format the column as plain text)',
		);
	});

	it('is refused where a deletion derives the tokenId from it', () => {
		const problem = problemOf(readSubscriberRow({ token: Number(TOKEN), psid: '1254459154682919' }));
		expect(problem.message).toMatch(/store tokens as text/);
		expectNoToken(problem.message);
	});

	it('is read as its digits when the number is exact', () => {
		const check = normalizeTokenRow({ ...paidRow, token: 1234567890123, tokenId: '' }, { requireToken: true });
		expect(hasProblem(check) ? check.problem : check.row.token).toBe('1234567890123');
	});
});

describe('messages about a shifted column never quote a token', () => {
	it('says which column holds a value of how many digits, as text or as a number', () => {
		const asText = problemOf(normalizeTokenRow({ ...paidRow, tokenId: TOKEN }, { requireToken: true }));
		expect(asText).toEqual({ column: 'tokenId', message: 'column "tokenId" holds a value of 17 digits, which is not a tokenId (tok_ and 32 hexadecimal digits)' });
		const asNumber = problemOf(normalizeTokenRow({ ...paidRow, token: null, tokenId: Number(TOKEN) }, { requireToken: false }));
		expect(asNumber.message).toBe('column "tokenId" holds a number of 17 digits, which is not a tokenId (tok_ and 32 hexadecimal digits)');
	});

	it('describes any cell that holds the row\'s token, however short, and whatever the column', () => {
		const short = 'EMU-77';
		const problem = problemOf(normalizeTokenRow({ ...paidRow, token: short, tokenId: '', status: ` ${short}` }, { requireToken: true }));
		expect(problem.message).toBe('column "status" holds a value of 7 characters, which is not one of available, used, expired, revoked, failed');
	});

	it('still quotes short values that cannot be tokens, so the user sees the typo', () => {
		const problem = problemOf(normalizeTokenRow({ ...paidRow, status: 'availble' }, { requireToken: true }));
		expect(problem.message).toContain('"availble"');
	});

	it('leaves a row key that could be a token out of the row\'s label', () => {
		expect(rowLabel({ id: TOKEN, row_number: 5, token: TOKEN }, 3)).toBe('Item 3 (row_number 5)');
		expect(rowLabel({ id: Number(TOKEN), token: '' }, 3)).toBe('Item 3');
		expect(rowLabel({ id: 'EMU-77', token: 'EMU-77' }, 3)).toBe('Item 3');
		expect(rowLabel({ id: 17, token: TOKEN }, 3)).toBe('Item 3 (id 17)');
	});

	it('keeps the token out of the item error of a sheet whose columns slid one to the left', () => {
		// Sheets hands every cell back as text; each column holds its right-hand neighbour's value.
		const columns = Object.keys(paidRow);
		const values = Object.values(paidRow).map((value) => (value === null ? '' : String(value)));
		const slid = Object.fromEntries(columns.map((column, index) => [column, values[index + 1] ?? '']));
		const { context } = fakeExecuteContext({ parameters: {}, items: [{ row_number: 5, id: TOKEN, ...slid }], continueOnFail: true });
		const errors = new ItemErrors(context);
		expect(readTokenRows(context, errors, true)).toEqual([]);
		expect(errors.items).toHaveLength(1);
		const { error, details } = errors.items[0].json as { error: string; details: string };
		expect(error).toBe(
			'Item 0 (row_number 5) is not a token row: column "tokenId" holds a value of 17 digits, which is not a tokenId (tok_ and 32 hexadecimal digits)',
		);
		expectNoToken(`${error} ${details}`);
	});
});

describe('an event whose type column holds a token (columns shifted in a sheet)', () => {
	it('is refused by Record Opt-In and Apply Event without quoting it', () => {
		const shifted = { type: TOKEN, token: TOKEN, pageId: '200000000000001', psid: '1254459154682919', timestamp: '2026-11-27T10:15:02.478Z' };
		const optIn = problemOf(tokenRowFromOptIn(shifted));
		expect(optIn.message).toContain('it is an event whose type is a value of 17 digits, not an opt-in');
		expectNoToken(optIn.message);
		const status = problemOf(readStatusEvent(shifted));
		expectNoToken(status.message);
		// A short, plain type is still quoted so the user sees what it was.
		expect(problemOf(tokenRowFromOptIn({ ...shifted, type: 'read' })).message).toContain('"read"');
	});
});
