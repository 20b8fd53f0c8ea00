import type { IDataObject } from 'n8n-workflow';

/**
 * The name macros a message may carry, as Meta's paid Marketing Message API documents them
 * (https://developers.facebook.com/documentation/business-messaging/messenger-platform/marketing-messages-on-messenger/api-reference/generic):
 * `{{first_name}}`, `{{last_name}}` and `{{full_name}}`. Spaces inside the braces are allowed.
 */
const NAME_MACRO = /\{\{\s*(first_name|last_name|full_name)\s*\}\}/g;

/** What the User Profile API told of a subscriber; a field Meta did not give is absent. */
export interface SubscriberName {
	firstName?: string;
	lastName?: string;
}

/**
 * The texts of a message a subscriber reads as prose: a text message's text, a button template's
 * text, and a generic template's titles and subtitles. Buttons and quick replies are left as they
 * are (Meta's paid API does not personalise buttons either; their titles are 20 characters at most).
 */
function mapProse(message: IDataObject, map: (text: string) => string): IDataObject {
	const copy: IDataObject = { ...message };
	if (typeof copy.text === 'string') copy.text = map(copy.text);
	const attachment = copy.attachment as IDataObject | undefined;
	const payload = attachment?.payload as IDataObject | undefined;
	if (!attachment || !payload) return copy;
	const newPayload: IDataObject = { ...payload };
	if (typeof newPayload.text === 'string') newPayload.text = map(newPayload.text);
	if (Array.isArray(newPayload.elements)) {
		newPayload.elements = (newPayload.elements as IDataObject[]).map((element) => {
			const newElement: IDataObject = { ...element };
			for (const field of ['title', 'subtitle']) if (typeof newElement[field] === 'string') newElement[field] = map(newElement[field] as string);
			return newElement;
		});
	}
	copy.attachment = { ...attachment, payload: newPayload };
	return copy;
}

function containsMacro(text: unknown): boolean {
	return typeof text === 'string' && new RegExp(NAME_MACRO.source).test(text);
}

/** Whether any prose of the message names a subscriber macro (only then is a profile read). */
export function hasNameMacro(message: IDataObject): boolean {
	let found = false;
	mapProse(message, (text) => {
		found ||= containsMacro(text);
		return text;
	});
	return found;
}

/** The value of one macro; the fallback stands in for any name Meta did not give. */
function macroValue(macro: string, name: SubscriberName | undefined, fallback: string): string {
	const first = name?.firstName;
	const last = name?.lastName;
	if (macro === 'first_name') return first ?? fallback;
	if (macro === 'last_name') return last ?? fallback;
	const full = [first, last].filter((part) => part !== undefined).join(' ');
	return full || fallback;
}

/**
 * The message with each name macro replaced for one subscriber, in one pass: a name that itself
 * looks like a macro, or holds `$&`, goes in as written. Other `{{…}}` text is left alone.
 */
export function renderNameMacros(message: IDataObject, name: SubscriberName | undefined, fallback: string): IDataObject {
	return mapProse(message, (text) => text.replace(NAME_MACRO, (_match, macro: string) => macroValue(macro, name, fallback)));
}

/** Whether the message's text (a text message's, or a button template's) holds a macro. */
export function textHasNameMacro(message: IDataObject): boolean {
	const payload = (message.attachment as IDataObject | undefined)?.payload as IDataObject | undefined;
	return containsMacro(message.text) || containsMacro(payload?.text);
}
