import { MAX_GENERIC_ELEMENTS, MAX_GENERIC_SUBTITLE_LENGTH, MAX_GENERIC_TITLE_LENGTH } from '../messageLimits';
import { buttonProblems, wireButton, type ButtonInput } from './buttons';
import { checkCount, checkOptionalText, checkOptionalUrl, checkRequiredText } from './fieldChecks';
import { builtUnlessProblems, type Built, type MessageProblem } from './messageProblem';
import type { GenericElement, MessengerMessage } from './messageTypes';

/** One card of a generic template; empty optional fields are left out of the message. */
export interface GenericElementInput {
	title: string;
	subtitle?: string;
	imageUrl?: string;
	buttons?: ButtonInput[];
}

function elementProblems(element: GenericElementInput, index: number): MessageProblem[] {
	const name = `Element ${index + 1}`;
	return [
		...checkRequiredText(element.title, `${name} title`, MAX_GENERIC_TITLE_LENGTH),
		...checkOptionalText(element.subtitle ?? '', `${name} subtitle`, MAX_GENERIC_SUBTITLE_LENGTH),
		...checkOptionalUrl(element.imageUrl ?? '', `${name} image URL`),
		...buttonProblems(element.buttons ?? [], `${name} button`, 0),
	];
}

function wireElement(element: GenericElementInput): GenericElement {
	const wire: GenericElement = { title: element.title };
	if (element.subtitle) wire.subtitle = element.subtitle;
	if (element.imageUrl) wire.image_url = element.imageUrl;
	if (element.buttons?.length) wire.buttons = element.buttons.map(wireButton);
	return wire;
}

/** 1 to 10 cards with a title (≤ 80), subtitle (≤ 80), image and up to 3 buttons each (Meta's generic template). */
export function genericTemplateMessage(elements: GenericElementInput[]): Built<MessengerMessage> {
	const problems = [
		...checkCount(elements.length, 'Elements', 1, MAX_GENERIC_ELEMENTS),
		...elements.flatMap(elementProblems),
	];
	return builtUnlessProblems(problems, () => ({
		attachment: { type: 'template', payload: { template_type: 'generic', elements: elements.map(wireElement) } },
	}));
}
