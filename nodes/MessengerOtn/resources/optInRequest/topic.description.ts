import type { INodeProperties } from 'n8n-workflow';

import { MAX_PAYLOAD_LENGTH } from '../../../shared/messageLimits';

/** The request's payload: it comes back in the opt-in as the token row's `topic`. */
export function topicField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Topic',
		name: 'topic',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. restock:red-sneakers',
		description: `Your name for what the subscriber asks to be told about, 1 to ${MAX_PAYLOAD_LENGTH.toLocaleString('en-US')} characters. Meta sends it back in the opt-in, where it becomes the token's topic; broadcasts select tokens by it.`,
		displayOptions: { show },
	};
}
