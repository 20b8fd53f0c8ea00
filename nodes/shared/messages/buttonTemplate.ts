import { MAX_BUTTON_TEMPLATE_TEXT_LENGTH } from '../messageLimits';
import { buttonProblems, wireButton, type ButtonInput } from './buttons';
import { checkRequiredText } from './fieldChecks';
import { builtUnlessProblems, type Built } from './messageProblem';
import type { MessengerMessage } from './messageTypes';

/** Text of 1 to 640 characters above 1 to 3 buttons (Meta's button template, docs/meta-platform.md §6). */
export function buttonTemplateMessage(text: string, buttons: ButtonInput[]): Built<MessengerMessage> {
	const problems = [
		...checkRequiredText(text, 'Text', MAX_BUTTON_TEMPLATE_TEXT_LENGTH),
		...buttonProblems(buttons, 'Button', 1),
	];
	return builtUnlessProblems(problems, () => ({
		attachment: { type: 'template', payload: { template_type: 'button', text, buttons: buttons.map(wireButton) } },
	}));
}
