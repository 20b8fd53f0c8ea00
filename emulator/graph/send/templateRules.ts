import { validateButtons } from './buttonRules';
import {
	BUTTON_TEXT_MAX,
	CTA_TEXTS,
	GENERIC_ELEMENTS_MAX,
	GENERIC_SUBTITLE_MAX,
	GENERIC_TITLE_MAX,
	OPT_IN_IMAGE_RATIOS,
	OPT_IN_TITLE_MAX,
	PAYLOAD_MAX,
} from './limits';
import { fail, isObject, optionalEnum, optionalText, optionalUrl, requireArray, requireText } from './textRules';

/** The template payloads the emulator knows: the two opt-in requests, button and generic. */

export type TemplateType = 'one_time_notif_req' | 'notification_messages' | 'button' | 'generic';

const NAME = 'message[attachment][payload]';

export function validateTemplate(payload: unknown): TemplateType {
	if (!isObject(payload)) fail(`Param ${NAME} must be an object`);
	switch (payload.template_type) {
		case 'one_time_notif_req':
			validateOneTimeRequest(payload);
			return 'one_time_notif_req';
		case 'notification_messages':
			validateMarketingRequest(payload);
			return 'notification_messages';
		case 'button':
			requireText(payload.text, `${NAME}[text]`, BUTTON_TEXT_MAX);
			validateButtons(payload.buttons, `${NAME}[buttons]`);
			return 'button';
		case 'generic':
			validateGeneric(payload);
			return 'generic';
		default:
			return fail(`Param ${NAME}[template_type] must be one of one_time_notif_req, notification_messages, button, generic`);
	}
}

// docs/meta-platform.md §1.3: only title (≤ 65) and payload are customisable, both required.
function validateOneTimeRequest(payload: Record<string, unknown>): void {
	requireText(payload.title, `${NAME}[title]`, OPT_IN_TITLE_MAX);
	requireText(payload.payload, `${NAME}[payload]`, PAYLOAD_MAX);
}

// docs/meta-platform.md §2.2: title optional (≤ 65), payload, CTA text enum, timezone, image, aspect ratio.
function validateMarketingRequest(payload: Record<string, unknown>): void {
	optionalText(payload.title, `${NAME}[title]`, OPT_IN_TITLE_MAX);
	requireText(payload.payload, `${NAME}[payload]`, PAYLOAD_MAX);
	optionalEnum(payload.notification_messages_cta_text, `${NAME}[notification_messages_cta_text]`, CTA_TEXTS);
	optionalUrl(payload.image_url, `${NAME}[image_url]`);
	optionalEnum(payload.image_aspect_ratio, `${NAME}[image_aspect_ratio]`, OPT_IN_IMAGE_RATIOS);
	if (payload.notification_messages_timezone !== undefined && !isTimezone(payload.notification_messages_timezone)) {
		fail(`Param ${NAME}[notification_messages_timezone] must be an IANA time zone such as Europe/Paris`);
	}
	// §2.1/§2.2: frequency was removed in v16.
	if (payload.notification_messages_frequency !== undefined) fail(`Param ${NAME}[notification_messages_frequency] is no longer supported`);
	if (payload.elements !== undefined) fail(`Param ${NAME}[elements] is not supported for Messenger opt-in requests here; use the flat form`);
}

function validateGeneric(payload: Record<string, unknown>): void {
	requireArray(payload.elements, `${NAME}[elements]`, 1, GENERIC_ELEMENTS_MAX).forEach((element, index) => {
		const name = `${NAME}[elements][${index}]`;
		if (!isObject(element)) fail(`Param ${name} must be an object`);
		requireText(element.title, `${name}[title]`, GENERIC_TITLE_MAX);
		optionalText(element.subtitle, `${name}[subtitle]`, GENERIC_SUBTITLE_MAX);
		optionalUrl(element.image_url, `${name}[image_url]`);
		if (element.buttons !== undefined) validateButtons(element.buttons, `${name}[buttons]`);
	});
}

function isTimezone(value: unknown): boolean {
	if (typeof value !== 'string' || value === '') return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}
