import { BUTTON_TITLE_MAX, BUTTONS_MAX, PAYLOAD_MAX } from './limits';
import { fail, isObject, requireArray, requireText, requireUrl } from './textRules';

/**
 * Buttons of button and generic templates (docs/meta-platform.md §6): postback needs title ≤ 20 and payload
 * ≤ 1000; web_url needs a url and a title. Other button types are outside the emulated subset.
 */
export function validateButtons(value: unknown, name: string, min = 1): void {
	requireArray(value, name, min, BUTTONS_MAX).forEach((button, index) => validateButton(button, `${name}[${index}]`));
}

function validateButton(button: unknown, name: string): void {
	if (!isObject(button)) fail(`Param ${name} must be an object`);
	switch (button.type) {
		case 'postback':
			requireText(button.title, `${name}[title]`, BUTTON_TITLE_MAX);
			requireText(button.payload, `${name}[payload]`, PAYLOAD_MAX);
			return;
		case 'web_url':
			requireUrl(button.url, `${name}[url]`);
			requireText(button.title, `${name}[title]`, BUTTON_TITLE_MAX);
			return;
		default:
			fail(`Param ${name}[type] must be postback or web_url`);
	}
}
