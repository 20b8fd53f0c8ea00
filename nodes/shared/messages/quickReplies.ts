import { MAX_PAYLOAD_LENGTH, MAX_QUICK_REPLIES, MAX_QUICK_REPLY_TITLE_LENGTH } from '../messageLimits';
import { checkCount, checkOptionalUrl, checkRequiredText } from './fieldChecks';
import { builtUnlessProblems, type Built, type MessageProblem } from './messageProblem';
import type { MessengerMessage, QuickReply } from './messageTypes';

/** A text quick reply: the tap comes back to the flow as a message with this payload (docs/meta-platform.md §6). */
export interface QuickReplyInput {
	title: string;
	payload: string;
	imageUrl?: string;
}

function quickReplyProblems(reply: QuickReplyInput, index: number): MessageProblem[] {
	const name = `Quick reply ${index + 1}`;
	return [
		...checkRequiredText(reply.title, `${name} title`, MAX_QUICK_REPLY_TITLE_LENGTH),
		...checkRequiredText(reply.payload, `${name} payload`, MAX_PAYLOAD_LENGTH),
		...checkOptionalUrl(reply.imageUrl ?? '', `${name} image URL`),
	];
}

function wireQuickReply(reply: QuickReplyInput): QuickReply {
	const wire: QuickReply = { content_type: 'text', title: reply.title, payload: reply.payload };
	if (reply.imageUrl) wire.image_url = reply.imageUrl;
	return wire;
}

/**
 * Adds up to 13 quick replies to any message. The problems of the message and of its quick
 * replies come back together, so one look shows everything to fix.
 */
export function withQuickReplies(content: Built<MessengerMessage>, replies: QuickReplyInput[]): Built<MessengerMessage> {
	const problems = [
		...checkCount(replies.length, 'Quick replies', 0, MAX_QUICK_REPLIES),
		...replies.flatMap(quickReplyProblems),
	];
	if (!content.ok) return { ok: false, problems: [...content.problems, ...problems] };
	return builtUnlessProblems(problems, () =>
		replies.length === 0 ? content.message : { ...content.message, quick_replies: replies.map(wireQuickReply) },
	);
}
