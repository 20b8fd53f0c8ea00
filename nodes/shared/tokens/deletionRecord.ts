import { normalizeSendLogRow } from './normalizeSendLogRow';
import { normalizeTokenRow } from './normalizeTokenRow';
import { hasProblem, type Raw } from './rowProblem';

/**
 * What Forget Subscriber's Delete removes under one tokenId, for the team's record of the request:
 * the token row's columns (never the token) and how many send log rows go with it. Rows are read
 * as they are; one that cannot be read is counted, not described.
 */
export interface DeletionRecord {
	[column: string]: string | number | null;
	tokenType: string | null;
	topic: string | null;
	title: string | null;
	status: string | null;
	optedInAt: string | null;
	expiresAt: string | null;
	lastSentAt: string | null;
	tokenRows: number;
	sendLogRows: number;
	/** Rows of the subscriber whose other columns could not be read (still deleted). */
	unreadableRows: number;
	/** The campaigns of the send log rows, comma-separated. */
	campaigns: string | null;
	forgottenAt: string;
}

export function deletionRecord(raws: Raw[], now: Date): DeletionRecord {
	const record: DeletionRecord = {
		tokenType: null,
		topic: null,
		title: null,
		status: null,
		optedInAt: null,
		expiresAt: null,
		lastSentAt: null,
		tokenRows: 0,
		sendLogRows: 0,
		unreadableRows: 0,
		campaigns: null,
		forgottenAt: now.toISOString(),
	};
	const campaigns = new Set<string>();
	for (const raw of raws) {
		const send = raw.sentAt !== undefined ? normalizeSendLogRow(raw) : null;
		const token = send === null ? normalizeTokenRow(raw, { requireToken: false }) : null;
		if (send && !hasProblem(send)) {
			record.sendLogRows++;
			campaigns.add(send.row.campaign);
		} else if (token && !hasProblem(token)) {
			const { tokenType, topic, title, status, optedInAt, expiresAt, lastSentAt } = token.row;
			Object.assign(record, { tokenType, topic, title, status, optedInAt, expiresAt, lastSentAt });
			record.tokenRows++;
		} else record.unreadableRows++;
	}
	record.campaigns = campaigns.size > 0 ? [...campaigns].sort().join(', ') : null;
	return record;
}
