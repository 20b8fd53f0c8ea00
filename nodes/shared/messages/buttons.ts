import { MAX_BUTTON_TITLE_LENGTH, MAX_BUTTONS, MAX_PAYLOAD_LENGTH } from '../messageLimits';
import { checkCount, checkRequiredText, checkRequiredUrl } from './fieldChecks';
import type { MessageProblem } from './messageProblem';
import type { Button } from './messageTypes';

/** A button of a button template or a generic element: a postback back to the flow, or a link. */
export type ButtonInput =
	| { kind: 'postback'; title: string; payload: string }
	| { kind: 'url'; title: string; url: string };

/**
 * Problems of a list of buttons (docs/meta-platform.md §6): `min` to 3 buttons, titles of 1 to 20 characters,
 * postback payloads of 1 to 1000, URLs http(s). `label` names them for the user, e.g. "Button"
 * or "Element 2 button".
 */
export function buttonProblems(buttons: ButtonInput[], label: string, min: number): MessageProblem[] {
	return [
		...checkCount(buttons.length, `${label}s`, min, MAX_BUTTONS),
		...buttons.flatMap((button, index) => {
			const name = `${label} ${index + 1}`;
			const titleProblems = checkRequiredText(button.title, `${name} title`, MAX_BUTTON_TITLE_LENGTH);
			return button.kind === 'postback'
				? [...titleProblems, ...checkRequiredText(button.payload, `${name} payload`, MAX_PAYLOAD_LENGTH)]
				: [...titleProblems, ...checkRequiredUrl(button.url, `${name} URL`)];
		}),
	];
}

export function wireButton(button: ButtonInput): Button {
	return button.kind === 'postback'
		? { type: 'postback', title: button.title, payload: button.payload }
		: { type: 'web_url', title: button.title, url: button.url };
}
