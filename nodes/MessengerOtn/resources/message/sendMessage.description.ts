import type { INodeProperties } from 'n8n-workflow';

import { messagingTypeFields } from '../common/messagingType.description';
import { recipientPsidField } from '../common/recipient.description';
import { messageContentFields } from '../../../shared/messages/messageContentParameters';

const show = { resource: ['message'], operation: ['sendMessage'] };

export const sendMessageFields: INodeProperties[] = [
	recipientPsidField(show),
	...messageContentFields(show),
	...messagingTypeFields(show, true),
];
