import type { IndexedRow } from './dedupeRows';
import { compareText } from './ordering';
import type { TokenRow } from './tokenRow';

/**
 * One page of an audience read in pages: the store returns rows ordered by `psid`, at most
 * Page Size of them, after the previous page's `after`. Paging by subscriber keeps all of one
 * subscriber's tokens in one page, so "one token per subscriber and topic" holds across pages.
 */
export interface AudiencePage {
	/** The rows this page decides on: every row of each subscriber it covers. */
	rows: Array<IndexedRow<TokenRow>>;
	/** Rows of the page's last subscriber, whose rows may go on past a full page: the next page reads them again. */
	heldForNextPage: number;
	/** The last subscriber this page covers: the next page reads rows with `psid` greater than this. */
	after: string | null;
	/** Whether the store may hold more rows: the page came back full. */
	morePages: boolean;
}

export type AudiencePageProblem =
	| { kind: 'unordered'; itemIndex: number; previousPsid: string; psid: string }
	| { kind: 'noSubscriberWhole'; itemIndex: number; pageSize: number };

/**
 * Splits a page read from the store into the subscribers it covers wholly and the last one, which a
 * full page may have cut. `itemsRead` counts every input item (unreadable ones took a slot too).
 */
export function audiencePage(
	rows: Array<IndexedRow<TokenRow>>,
	itemsRead: number,
	pageSize: number,
): { page: AudiencePage } | { problem: AudiencePageProblem } {
	for (let i = 1; i < rows.length; i++) {
		const previousPsid = rows[i - 1].row.psid;
		const psid = rows[i].row.psid;
		if (compareText(previousPsid, psid) > 0)
			return {
				problem: {
					kind: 'unordered',
					itemIndex: rows[i].itemIndex,
					previousPsid,
					psid,
				},
			};
	}
	const last = rows.length > 0 ? rows[rows.length - 1] : undefined;
	// Not full: the store has nothing after this page.
	if (itemsRead < pageSize)
		return {
			page: {
				rows,
				heldForNextPage: 0,
				after: last?.row.psid ?? null,
				morePages: false,
			},
		};
	const firstOfLast = last ? rows.findIndex(({ row }) => row.psid === last.row.psid) : 0;
	// A full page that covers no subscriber whole (one subscriber's rows, or none readable) cannot move on.
	if (firstOfLast === 0)
		return {
			problem: {
				kind: 'noSubscriberWhole',
				itemIndex: last?.itemIndex ?? 0,
				pageSize,
			},
		};
	const covered = rows.slice(0, firstOfLast);
	return {
		page: {
			rows: covered,
			heldForNextPage: rows.length - firstOfLast,
			after: covered[covered.length - 1].row.psid,
			morePages: true,
		},
	};
}
