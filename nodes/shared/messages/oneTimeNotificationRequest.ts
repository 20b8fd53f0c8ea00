import { MAX_OPT_IN_TITLE_LENGTH, MAX_PAYLOAD_LENGTH } from '../messageLimits';
import { checkRequiredText } from './fieldChecks';
import { builtUnlessProblems, type Built } from './messageProblem';
import type { MessengerMessage } from './messageTypes';

export interface OneTimeNotificationRequestInput {
	/** The text above Messenger's fixed Notify Me button. */
	title: string;
	/** The request's payload: it comes back in the opt-in, and names what the subscriber asked for. */
	topic: string;
}

/**
 * The `one_time_notif_req` template (docs/meta-platform.md §1.3): only the title (1 to 65 characters) and the
 * payload can be set; the Notify Me button is Messenger's own.
 */
export function oneTimeNotificationRequest({ title, topic }: OneTimeNotificationRequestInput): Built<MessengerMessage> {
	const problems = [
		...checkRequiredText(title, 'Title', MAX_OPT_IN_TITLE_LENGTH),
		...checkRequiredText(topic, 'Topic', MAX_PAYLOAD_LENGTH),
	];
	return builtUnlessProblems(problems, () => ({
		attachment: { type: 'template', payload: { template_type: 'one_time_notif_req', title, payload: topic } },
	}));
}
