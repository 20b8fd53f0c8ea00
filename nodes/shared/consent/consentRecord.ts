import { dedupeRows, dedupeTokenRows, type DistinctRow, type IndexedRow } from '../tokens/dedupeRows';
import { eventKey } from '../tokens/eventTargets';
import { compareText } from '../tokens/ordering';
import type { SendLogRow } from '../tokens/sendLogRow';
import type { StatusEvent } from '../tokens/statusEvent';
import type { TokenRow } from '../tokens/tokenRow';
import { CONSENT_EVENT_TYPES, type ConsentEvent } from './consentEvent';

/** The three kinds of input a consent record is built from. */
export interface ConsentSources {
	tokenRows: Array<IndexedRow<TokenRow>>;
	sends: Array<IndexedRow<SendLogRow>>;
	/** The trigger's marketing_stop and marketing_resume items, Request OTN's marketing_unsubscribe items. */
	events: Array<IndexedRow<StatusEvent>>;
}

export interface ConsentRecord {
	lines: Array<DistinctRow<ConsentEvent>>;
	/** Unsubscribes by token whose token row is not in the input: nobody to put them under. */
	unattributed: number[];
}

export interface Subscriber {
	psid: string | null;
	pageId: string | null;
}

const NO_SEND: Pick<ConsentEvent, 'campaign' | 'messageId' | 'deliveredAt' | 'readAt' | 'clickedAt' | 'failedAt'> = {
	campaign: null,
	messageId: null,
	deliveredAt: null,
	readAt: null,
	clickedAt: null,
	failedAt: null,
};

const REVOKED_NOTE =
	'The token row says revoked (a stop or an unsubscribe) but not when: add the trigger\'s stop events and Request OTN\'s unsubscribe items to the input to date it.';

function line(token: TokenRow | undefined, fields: Partial<ConsentEvent> & Pick<ConsentEvent, 'pageId' | 'psid' | 'event' | 'at'>): ConsentEvent {
	return {
		topic: token?.topic ?? null,
		tokenId: token?.tokenId ?? null,
		tokenType: token?.tokenType ?? null,
		title: null,
		...NO_SEND,
		note: null,
		...fields,
	};
}

function sendKey(tokenId: string, campaign: string | null, sentAt: string | null): string {
	return JSON.stringify([tokenId, campaign, sentAt]);
}

/** Each opt-in, and the end of a token that expired or was revoked without its event in the input. */
function tokenLines(token: TokenRow, now: Date, datedEnds: Set<string>): ConsentEvent[] {
	const who = { pageId: token.pageId, psid: token.psid };
	const lines = [line(token, { ...who, event: 'opted_in', at: token.optedInAt, title: token.title, note: token.title === null ? 'The row holds no title: the text the subscriber saw is not recorded.' : null })];
	const expired = token.status === 'expired' || (token.status === 'available' && token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime());
	if (expired) lines.push(line(token, { ...who, event: 'expired', at: token.expiresAt }));
	if (token.status === 'revoked' && !datedEnds.has(token.tokenId)) lines.push(line(token, { ...who, event: 'revoked', at: null, note: REVOKED_NOTE }));
	return lines;
}

function sendLine(token: TokenRow | undefined, send: SendLogRow): ConsentEvent {
	const { campaign, messageId, deliveredAt, readAt, clickedAt, failedAt } = send;
	return line(token, {
		pageId: send.pageId,
		psid: send.psid,
		event: 'sent',
		at: send.sentAt,
		tokenId: send.tokenId,
		...{ campaign, messageId, deliveredAt, readAt, clickedAt, failedAt },
		note: token ? null : 'Its token row is not in the input: topic unknown.',
	});
}

/** A token row's last send, when the send log given does not already hold it. */
function lastSendLine(token: TokenRow): ConsentEvent {
	const { campaign, messageId, deliveredAt, readAt, clickedAt } = token;
	return line(token, {
		pageId: token.pageId,
		psid: token.psid,
		event: 'sent',
		at: token.lastSentAt,
		...{ campaign, messageId, deliveredAt, readAt, clickedAt },
		note: 'From the token row, which holds only its last send.',
	});
}

const EVENT_NAMES = { marketing_stop: 'stopped', marketing_resume: 'resumed', marketing_unsubscribe: 'unsubscribed' } as const;

/** Stops and resumes are about one token (one topic); an unsubscribe ends every topic of the Page. */
function eventLine(event: StatusEvent, token: TokenRow | undefined): ConsentEvent | null {
	const psid = event.psid ?? token?.psid ?? null;
	if (psid === null) return null;
	const type = EVENT_NAMES[event.type as keyof typeof EVENT_NAMES];
	const unsubscribe = type === 'unsubscribed';
	return line(unsubscribe ? undefined : token, {
		pageId: event.pageId,
		psid,
		event: type,
		at: event.at,
		tokenId: event.tokenId,
		note: !unsubscribe && !token ? 'Its token row is not in the input: topic unknown.' : unsubscribe ? 'Every topic of the Page.' : null,
	});
}

/** Tokens whose revocation an event in the input dates: stopped by token, or unsubscribed by person or token. */
function datedEnds(events: StatusEvent[], tokens: TokenRow[]): Set<string> {
	const stoppedTokens = new Set(events.filter((event) => event.type !== 'marketing_resume').map((event) => event.tokenId));
	const unsubscribed = new Set(events.filter((event) => event.type === 'marketing_unsubscribe' && event.psid).map((event) => `${event.pageId}/${event.psid}`));
	return new Set(tokens.filter((token) => stoppedTokens.has(token.tokenId) || unsubscribed.has(`${token.pageId}/${token.psid}`)).map((token) => token.tokenId));
}

const ORDER = new Map(CONSENT_EVENT_TYPES.map((type, index) => [type, index]));
const LAST = '\uffff';

function chronological(a: DistinctRow<ConsentEvent>, b: DistinctRow<ConsentEvent>): number {
	const [x, y] = [a.row, b.row];
	return (
		compareText(x.pageId, y.pageId) ||
		compareText(x.psid, y.psid) ||
		compareText(x.topic, y.topic) ||
		compareText(x.at ?? LAST, y.at ?? LAST) ||
		ORDER.get(x.event)! - ORDER.get(y.event)! ||
		compareText(x.tokenId, y.tokenId)
	);
}

function isOf(subscriber: Subscriber) {
	return ({ row }: DistinctRow<ConsentEvent>) =>
		(subscriber.psid === null || row.psid === subscriber.psid) && (subscriber.pageId === null || row.pageId === subscriber.pageId);
}

/**
 * Each subscriber's consent history per topic, oldest first: opt-ins with the text they saw,
 * stops, resumes, unsubscribes, expiries and sends. Every input row counts once however often the
 * store holds it, and each line is paired with the input items it comes from.
 */
export function consentRecord(sources: ConsentSources, subscriber: Subscriber, now: Date): ConsentRecord {
	const tokens = dedupeTokenRows(sources.tokenRows);
	const tokenById = new Map(tokens.map(({ row }) => [row.tokenId, row]));
	const sends = dedupeRows(sources.sends, (send) => sendKey(send.tokenId, send.campaign, send.sentAt), () => false);
	const events = dedupeRows(sources.events, eventKey, () => false);
	const logged = new Set(sends.map(({ row }) => sendKey(row.tokenId, row.campaign, row.sentAt)));
	const ends = datedEnds(events.map(({ row }) => row), tokens.map(({ row }) => row));

	const lines: Array<DistinctRow<ConsentEvent>> = [];
	const unattributed: number[] = [];
	for (const { row: token, itemIndexes } of tokens) {
		for (const entry of tokenLines(token, now, ends)) lines.push({ row: entry, itemIndexes });
		if (token.lastSentAt !== null && !logged.has(sendKey(token.tokenId, token.campaign, token.lastSentAt))) {
			lines.push({ row: lastSendLine(token), itemIndexes });
		}
	}
	for (const { row: send, itemIndexes } of sends) lines.push({ row: sendLine(tokenById.get(send.tokenId), send), itemIndexes });
	for (const { row: event, itemIndexes } of events) {
		const entry = eventLine(event, event.tokenId === null ? undefined : tokenById.get(event.tokenId));
		if (entry) lines.push({ row: entry, itemIndexes });
		else unattributed.push(...itemIndexes);
	}
	return { lines: lines.filter(isOf(subscriber)).sort(chronological), unattributed };
}
