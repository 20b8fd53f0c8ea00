import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { MESSAGE_TAGS } from '../../../shared/messages/messageTags';

const RESPONSE: INodePropertyOptions = {
	name: 'Response',
	value: 'RESPONSE',
	description: 'A reply to something the subscriber did in the last 24 hours',
};
const UPDATE: INodePropertyOptions = {
	name: 'Update',
	value: 'UPDATE',
	description: 'A message the Page starts, inside the 24-hour window',
};
const MESSAGE_TAG: INodePropertyOptions = {
	name: 'Message Tag',
	value: 'MESSAGE_TAG',
	description: 'A non-promotional message with a tag Meta still accepts',
};

const TAG_NAMES: Record<keyof typeof MESSAGE_TAGS, string> = {
	CUSTOMER_FEEDBACK: 'Customer Feedback',
	HUMAN_AGENT: 'Human Agent',
};

/**
 * Meta's `messaging_type` (docs/meta-platform.md §4.2), RESPONSE by default since these nodes usually answer a
 * trigger. Opt-in requests go inside the window only, so they get no tag. The tags Meta retired on
 * 2026-04-27 are not offered.
 */
export function messagingTypeFields(show: Record<string, string[]>, withTags: boolean): INodeProperties[] {
	const messagingType: INodeProperties = {
		displayName: 'Messaging Type',
		name: 'messagingType',
		type: 'options',
		options: withTags ? [MESSAGE_TAG, RESPONSE, UPDATE] : [RESPONSE, UPDATE],
		default: 'RESPONSE',
		description: "Meta's messaging_type: why the Page is writing",
		displayOptions: { show },
	};
	if (!withTags) return [messagingType];
	const tag: INodeProperties = {
		displayName: 'Tag',
		name: 'tag',
		type: 'options',
		options: (Object.keys(MESSAGE_TAGS) as Array<keyof typeof MESSAGE_TAGS>).map((value) => ({
			name: TAG_NAMES[value],
			value,
			description: MESSAGE_TAGS[value],
		})),
		default: 'HUMAN_AGENT',
		description:
			'The tag that allows this message. ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE and POST_PURCHASE_UPDATE were retired by Meta on 2026-04-27. Tagged messages may not be promotional.',
		displayOptions: { show: { ...show, messagingType: ['MESSAGE_TAG'] } },
	};
	return [messagingType, tag];
}
