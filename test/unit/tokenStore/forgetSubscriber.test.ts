/** Forget Subscriber: every stored row of one PSID, once, and nothing of anyone else. */
import { readSubscriberRow, rowsToForget } from '../../../nodes/shared/tokens/rowsToForget';
import { hasProblem } from '../../../nodes/shared/tokens/rowProblem';
import { indexed, PAGE, tokenRow } from './tokenRows';

function subscriberRows(raws: Array<Record<string, unknown>>) {
	return indexed(
		raws.map((raw) => {
			const check = readSubscriberRow(raw);
			if (hasProblem(check)) throw new Error(check.problem.message);
			return check.row;
		}),
	);
}

describe('Forget Subscriber', () => {
	const mine = tokenRow('a', { psid: 'psid-a' });
	const mineOtherTopic = tokenRow('b', { psid: 'psid-a', topic: 'news' });
	const theirs = tokenRow('c', { psid: 'psid-b' });
	const sendLog = { campaign: 'spring', tokenId: mine.tokenId, pageId: PAGE, psid: 'psid-a', sentAt: 'not even a date' };

	it("finds each of the subscriber's rows once, token rows and send log rows alike", () => {
		const rows = subscriberRows([mine, theirs, mineOtherTopic, { ...mine }, sendLog]);
		expect(rowsToForget(rows, () => ({ psid: 'psid-a', pageId: null }))).toEqual([
			{ row: { tokenId: mine.tokenId, pageId: PAGE, psid: 'psid-a' }, itemIndexes: [0, 3, 4] },
			{ row: { tokenId: mineOtherTopic.tokenId, pageId: PAGE, psid: 'psid-a' }, itemIndexes: [2] },
		]);
	});

	it('keeps to one Page when given', () => {
		const rows = subscriberRows([mine, { ...tokenRow('d', { psid: 'psid-a' }), pageId: '200000000000002' }]);
		expect(rowsToForget(rows, () => ({ psid: 'psid-a', pageId: '200000000000002' })).map(({ itemIndexes }) => itemIndexes)).toEqual([[1]]);
	});

	it('reads a row whose other columns are broken, but not one whose owner cannot be told', () => {
		expect(hasProblem(readSubscriberRow({ ...mine, status: '???', expiresAt: 'soon' }))).toBe(false);
		const noPsid = readSubscriberRow({ ...mine, psid: '' });
		expect(hasProblem(noPsid) && noPsid.problem.column).toBe('psid');
		const noKey = readSubscriberRow({ psid: 'psid-a' });
		expect(hasProblem(noKey) && noKey.problem.column).toBe('tokenId');
	});
});
