import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { repeatOptInRequest, type RepeatRequest } from '../../../shared/tokens/repeatOptInRequest';
import { subscriberTokenRows } from './subscriberTokenRows';

const DAY_MS = 24 * 60 * 60 * 1000;
const META_RULE = 'Meta refuses several opt-in requests with the same topic to one person (Messenger error 613/1893016)';

function shown(topic: string): string {
	return JSON.stringify(topic.length > 60 ? `${topic.slice(0, 57)}...` : topic);
}

function day(iso: string | null): string {
	return iso ? iso.slice(0, 10) : 'an unknown day';
}

function refusal(repeat: RepeatRequest, psid: string, topic: string, askAgainAfterDays: number): { message: string; description: string } {
	const { row } = repeat;
	if (repeat.rule === 'unusedToken') {
		return {
			message: `Subscriber ${psid} already holds an unused one-time token for topic ${shown(topic)} (opted in ${day(row.optedInAt)}, expires ${day(row.expiresAt)})`,
			description: `Nothing was sent. ${META_RULE}, and their Notify Me tap already lets you send them one message: send it with OTN Broadcast (row tokenId ${row.tokenId}) instead of asking again, or ask about something else under a topic of its own.`,
		};
	}
	const askAgainOn = new Date(Date.parse(row.optedInAt!) + askAgainAfterDays * DAY_MS).toISOString();
	return {
		message: `Subscriber ${psid} opted in to topic ${shown(topic)} on ${day(row.optedInAt)}, within the ${askAgainAfterDays} days of Ask Again After (Days)`,
		description: `Nothing was sent. Ask again from ${askAgainOn}, lower Ask Again After (Days), or ask about something else under a topic of its own. ${META_RULE}.`,
	};
}

/** Throws the item's error, before anything is sent, when the request repeats one already answered. */
export function refuseRepeatRequest(context: IExecuteFunctions, itemIndex: number, topic: string, repeatCheck: IDataObject): void {
	const rows = subscriberTokenRows(context, itemIndex, repeatCheck.subscriberRows);
	if (rows === null) return;
	const psid = String(context.getNodeParameter('psid', itemIndex) ?? '').trim();
	const askAgainAfterDays = Math.max(0, Number(repeatCheck.askAgainAfterDays ?? 0) || 0);
	const repeat = repeatOptInRequest(rows, { psid, topic, askAgainAfterDays }, new Date());
	if (repeat === null) return;
	const { message, description } = refusal(repeat, psid, topic, askAgainAfterDays);
	throw new NodeOperationError(context.getNode(), message, { itemIndex, description });
}
