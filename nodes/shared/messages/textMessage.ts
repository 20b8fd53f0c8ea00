import { MAX_TEXT_LENGTH } from '../messageLimits';
import { checkRequiredText } from './fieldChecks';
import { builtUnlessProblems, type Built } from './messageProblem';
import type { MessengerMessage } from './messageTypes';

/** A text message: 1 to 1999 characters (docs/meta-platform.md §4.2). */
export function textMessage(text: string): Built<MessengerMessage> {
	return builtUnlessProblems(checkRequiredText(text, 'Text', MAX_TEXT_LENGTH), () => ({ text }));
}
