/** Rows as real stores hand them back, normalised to one token row, or refused with the column. */
import { normalizeTokenRow } from '../../../nodes/shared/tokens/normalizeTokenRow';
import { rowLabel } from '../../../nodes/shared/tokens/rowLabel';
import { hasProblem, type RowCheck } from '../../../nodes/shared/tokens/rowProblem';
import { TOKEN_ROW_COLUMNS, type TokenRow } from '../../../nodes/shared/tokens/tokenRow';
import { tokenRow } from './tokenRows';

const stored = tokenRow('A', {
	optedInAt: '2026-11-27T10:15:02.478Z',
	expiresAt: '2027-11-27T10:15:02.478Z',
	status: 'used',
	lastSentAt: '2026-11-28T09:00:00.000Z',
	campaign: 'black-friday',
	messageId: 'm_1',
});

function normalised(raw: Record<string, unknown>, requireToken = false): TokenRow {
	const check = normalizeTokenRow(raw, { requireToken });
	if (hasProblem(check)) throw new Error(check.problem.message);
	return check.row;
}

function problemOf(check: RowCheck<TokenRow>) {
	if (!hasProblem(check)) throw new Error('expected a problem');
	return check.problem;
}

describe('rows from real stores become the same token row', () => {
	it('n8n Data Table: drops id, createdAt and updatedAt, reads ISO strings (node 1.1) and Dates (node 1.0)', () => {
		const asIso = { id: 17, createdAt: '2026-11-27T10:15:03.000Z', updatedAt: '2026-11-28T09:00:01.000Z', ...stored };
		const asDates = { ...asIso, optedInAt: new Date(stored.optedInAt!), lastSentAt: new Date(stored.lastSentAt!), createdAt: new Date() };
		expect(normalised(asIso)).toEqual(stored);
		expect(normalised(asDates)).toEqual(stored);
		expect(Object.keys(normalised(asIso))).toEqual([...TOKEN_ROW_COLUMNS]);
	});

	it('Google Sheets: everything a string, empty cells "", IDs turned into numbers, a hand-typed status, row_number', () => {
		const sheet = {
			row_number: 5,
			...Object.fromEntries(Object.entries(stored).map(([key, value]) => [key, value === null ? '' : String(value)])),
			pageId: 200000000000001,
			psid: 1254459154682919,
			status: ' Used ',
			tokenType: 'One-Time',
			optedInAt: '2026-11-27 10:15:02.478',
		};
		expect(normalised(sheet)).toEqual({ ...stored, psid: '1254459154682919' });
	});

	it('SQL: Date objects, and timestamps rendered as text by Postgres ("+00")', () => {
		expect(normalised({ ...stored, expiresAt: new Date(stored.expiresAt!) })).toEqual(stored);
		expect(normalised({ ...stored, optedInAt: '2026-11-27 11:15:02.478+01', expiresAt: '2027-11-27T10:15:02.478+0000' })).toEqual(stored);
	});

	it('dates as date-only text, with offsets, or as date objects such as Luxon DateTime (n8n expressions)', () => {
		const luxonLike = { toISO: () => '2026-11-27T11:15:02.478+01:00' };
		expect(normalised({ ...stored, optedInAt: luxonLike }).optedInAt).toBe(stored.optedInAt);
		expect(normalised({ ...stored, optedInAt: '2026-11-27T15:45:02.478+0530' }).optedInAt).toBe(stored.optedInAt);
		expect(normalised({ ...stored, lastSentAt: '2026-11-28' }).lastSentAt).toBe('2026-11-28T00:00:00.000Z');
	});

	it('February 29 of leap years, as the nodes write dates, is kept as it is', () => {
		const row = normalised({ ...stored, optedInAt: '2028-02-29T23:59:59.999Z', lastSentAt: '2000-02-29T00:00:00.000Z' });
		expect([row.optedInAt, row.lastSentAt]).toEqual(['2028-02-29T23:59:59.999Z', '2000-02-29T00:00:00.000Z']);
	});

	it('missing and null columns are null; a one-time row without expiresAt expires a year after its opt-in', () => {
		const { expiresAt, title, timezone, lastSentAt, error, ...rest } = stored;
		void [expiresAt, title, timezone, lastSentAt, error];
		expect(normalised({ ...rest, lastSentAt: null })).toEqual({ ...stored, lastSentAt: null });
	});

	it('derives a missing tokenId from the token, and works without the token where it is not needed', () => {
		expect(normalised({ ...stored, tokenId: '' }).tokenId).toBe(stored.tokenId);
		expect(normalised({ ...stored, token: undefined })).toEqual({ ...stored, token: null });
	});
});

describe('a row that cannot be a token row names the column, never guesses', () => {
	const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
		['no token where one is needed', { ...stored, token: '' }, 'token', /column "token" is empty/],
		['an unknown status', { ...stored, status: 'availble' }, 'status', /"availble", which is not one of available, used, expired, revoked, failed/],
		['no status', { ...stored, status: null }, 'status', /column "status" is empty/],
		['an unknown token type', { ...stored, tokenType: 'weekly' }, 'tokenType', /not one of one_time, marketing/],
		['an unparsable date', { ...stored, expiresAt: '27/11/2027' }, 'expiresAt', /"27\/11\/2027", which is not an ISO 8601 date/],
		['a date that does not exist', { ...stored, optedInAt: '2026-02-30T00:00:00Z' }, 'optedInAt', /not an ISO 8601 date/],
		// The form the nodes write (Date.toISOString) is read without a Date: its calendar is checked all the same.
		['a day that does not exist, as the nodes write dates', { ...stored, optedInAt: '2026-04-31T10:15:02.478Z' }, 'optedInAt', /not an ISO 8601 date/],
		['February 29 of a year that is no leap year', { ...stored, lastSentAt: '2100-02-29T00:00:00.000Z' }, 'lastSentAt', /not an ISO 8601 date/],
		['a 13th month', { ...stored, expiresAt: '2027-13-01T00:00:00.000Z' }, 'expiresAt', /not an ISO 8601 date/],
		['an epoch number for a date', { ...stored, lastSentAt: 1795774502478 }, 'lastSentAt', /a number, not a date/],
		['a PSID a sheet rounded', { ...stored, psid: Number.MAX_SAFE_INTEGER + 2 }, 'psid', /too large to be exact/],
		['no Page', { ...stored, pageId: undefined }, 'pageId', /column "pageId" is empty/],
		['a tokenId of another token (one column sorted alone)', { ...stored, tokenId: tokenRow('B').tokenId }, 'tokenId', /does not belong to the token/],
		['something that is not a tokenId', { ...stored, tokenId: 'row-17' }, 'tokenId', /not a tokenId/],
		['a one-time row with no dates to expire by', { ...stored, expiresAt: '', optedInAt: '' }, 'expiresAt', /both empty/],
	];

	it.each(cases)('%s', (_, raw, column, message) => {
		const problem = problemOf(normalizeTokenRow(raw, { requireToken: true }));
		expect(problem.column).toBe(column);
		expect(problem.message).toMatch(message);
	});

	it('a row with neither token nor tokenId cannot be keyed', () => {
		const problem = problemOf(normalizeTokenRow({ ...stored, token: null, tokenId: null }, { requireToken: false }));
		expect(problem).toEqual({ column: 'tokenId', message: 'columns "tokenId" and "token" are both empty' });
	});

	it('never quotes a token, even one that a shifted column put somewhere else', () => {
		const shifted = { ...stored, status: stored.token, token: stored.token };
		const problem = problemOf(normalizeTokenRow(shifted, { requireToken: true }));
		expect(problem.message).toContain(`a value of ${stored.token!.length} characters`);
		const elsewhere = { ...stored, token: '', topic: stored.token, status: 'nope' };
		expect(JSON.stringify(normalizeTokenRow(elsewhere, { requireToken: false }))).not.toContain(stored.token);
	});
});

describe('how messages name a row', () => {
	it("by item index, the store's own row key (Data Table id, Sheets row_number) and the tokenId, never the token", () => {
		expect(rowLabel({ ...stored, id: 17 }, 3)).toBe(`Item 3 (id 17, tokenId ${stored.tokenId})`);
		expect(rowLabel({ row_number: 5, token: stored.token }, 0)).toBe('Item 0 (row_number 5)');
		expect(rowLabel({ tokenId: 'not-a-token-id' }, 1)).toBe('Item 1');
	});
});
