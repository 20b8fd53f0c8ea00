import type { IDataObject } from 'n8n-workflow';

import { MAX_PAID_TEXT_LENGTH } from '../messageLimits';
import { textHasNameMacro } from '../personalise/nameMacros';
import type { MessageProblem } from './messageProblem';

const OPT_IN_TEMPLATES = ['one_time_notif_req', 'notification_messages'];

/**
 * What the paid Marketing Message API refuses in a message that the Send API takes (docs/meta-platform.md §3.4):
 * text over 640 characters, the opt-in request templates, which are not among its templates, and
 * name macros in a text, which Meta documents only for a generic template's title and subtitle.
 * Meta would refuse such a message for every token alike (code 100, each row `failed`), so a
 * broadcast checks it once, before the first send.
 */
export function paidMessageProblems(message: IDataObject): MessageProblem[] {
	const problems: MessageProblem[] = [];
	if (typeof message.text === 'string') {
		const length = [...message.text].length;
		if (length > MAX_PAID_TEXT_LENGTH) {
			const limit = `at most ${MAX_PAID_TEXT_LENGTH} characters in a paid marketing message`;
			problems.push({ field: 'Text', limit, message: `Text has ${length} characters; Messenger allows ${limit}` });
		}
	}
	if (textHasNameMacro(message)) {
		// Meta fills {{first_name}}, {{last_name}} and {{full_name}} itself in a generic template's title
		// and subtitle (https://developers.facebook.com/documentation/business-messaging/messenger-platform/marketing-messages-on-messenger/api-reference/generic);
		// for a text it says nothing, and the pack cannot read profiles with the Marketing credential,
		// so a subscriber could get the braces as written.
		const limit = 'name macros only in a generic template\'s title and subtitle, where Meta fills them in';
		problems.push({ field: 'Text', limit, message: `Text holds a name macro such as {{first_name}}; a paid marketing message takes ${limit}` });
	}
	const template = ((message.attachment as IDataObject | undefined)?.payload as IDataObject | undefined)?.template_type;
	if (typeof template === 'string' && OPT_IN_TEMPLATES.includes(template)) {
		const limit = 'a text, media or template message other than an opt-in request';
		problems.push({ field: 'Message', limit, message: `An opt-in request (${template}) cannot be sent as a paid marketing message; send ${limit}` });
	}
	return problems;
}
