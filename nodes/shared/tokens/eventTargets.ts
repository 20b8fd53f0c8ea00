import { compareText } from './ordering';
import { keyText } from './rowUpdate';
import type { StatusEvent } from './statusEvent';
import type { TrackedRow } from './trackedRow';

/**
 * A row's lastSentAt is n8n's clock when Meta answered the send; an event's time is Meta's clock.
 * This much slack covers the round trip and the drift between the two clocks.
 */
export const CLOCK_SLACK_MS = 5_000;

export function eventKey(event: StatusEvent): string {
	return event.eventId ?? JSON.stringify(event);
}

export interface RowWithEvents {
	row: TrackedRow;
	events: StatusEvent[];
}

/** Which rows (by key) each event that names no single message applies to. */
export type EventTargets = Map<string, Set<string>>;

/** Whether the row's send came before `at` (a receipt's time or watermark), allowing for clock slack. */
export function sentBy(row: TrackedRow, at: string | null): boolean {
	return row.sentAt !== null && at !== null && Date.parse(row.sentAt) <= Date.parse(at) + CLOCK_SLACK_MS;
}

/**
 * A failed paid delivery, and a click without a tracking id (as Meta's send-messages guide prints
 * it), carry the token and the campaign, not the message (docs/meta-platform.md §3.5): it is the send of that
 * token under that campaign when a row records it, else the token's latest send before the event
 * (for a failure, never one already delivered). Meta's one-per-12-hours rule leaves one such send
 * per token at a time.
 */
function sendOfToken(event: StatusEvent, candidates: TrackedRow[]): TrackedRow[] {
	const failure = event.type === 'marketing_message_delivery_failed';
	const sends = candidates.filter((row) => row.tokenId === event.tokenId && (!failure || row.deliveredAt === null) && sentBy(row, event.at));
	const ofCampaign = sends.filter((row) => event.campaignId !== null && row.campaign === event.campaignId);
	if (ofCampaign.length > 0) return ofCampaign;
	const latest = [...sends].sort((a, b) => compareText(b.sentAt, a.sentAt))[0];
	return sends.filter((row) => row.sentAt === latest?.sentAt);
}

/** Meta unsubscribes at the Page level (docs/meta-platform.md §3.2): every row of the person the event names, or of the token's person. */
function unsubscribed(event: StatusEvent, candidates: TrackedRow[]): TrackedRow[] {
	const people = new Set(candidates.filter((row) => row.tokenId === event.tokenId).map((row) => row.psid));
	if (event.psid !== null) people.add(event.psid);
	return candidates.filter((row) => people.has(row.psid) || row.tokenId === event.tokenId);
}

/** The events that name no message, only a token (and a campaign) or a person. */
export function matchedByToken(event: StatusEvent): boolean {
	if (event.type === 'marketing_message_click') return event.trackingId === null;
	return event.type === 'marketing_message_delivery_failed' || event.type === 'marketing_unsubscribe';
}

export function eventTargets(entries: RowWithEvents[]): EventTargets {
	const targets: EventTargets = new Map();
	const events = new Map(entries.flatMap(({ events: own }) => own.map((event) => [eventKey(event), event] as const)));
	for (const [key, event] of events) {
		if (!matchedByToken(event)) continue;
		const candidates = entries.filter(({ row, events: own }) => row.pageId === event.pageId && own.some((candidate) => eventKey(candidate) === key)).map(({ row }) => row);
		const chosen = event.type === 'marketing_unsubscribe' ? unsubscribed(event, candidates) : sendOfToken(event, candidates);
		targets.set(key, new Set(chosen.map((row) => keyText(row.key))));
	}
	return targets;
}
