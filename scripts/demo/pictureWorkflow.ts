import { randomUUID } from 'node:crypto';

/**
 * Sending a file from binary data, as a user builds it: a webhook takes `{ psid, picture }` (the
 * picture in base64), n8n's Convert to File makes it the binary field `picture`, and Request OTN's
 * Send Message sends it as an image (Media Source "Binary Data"). Used by the e2e test and the
 * screenshots.
 */
export function pictureWorkflow(credential: { id: string; name: string }, path: string = randomUUID()) {
	return {
		name: `Send a picture from binary data (${path})`,
		nodes: [
			{
				id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0], webhookId: path,
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				id: randomUUID(), name: 'Make Picture', type: 'n8n-nodes-base.convertToFile', typeVersion: 1.1, position: [220, 0],
				parameters: { operation: 'toBinary', sourceProperty: 'body.picture', binaryPropertyName: 'picture', options: { fileName: 'sneakers.png', mimeType: 'image/png' } },
			},
			{
				id: randomUUID(), name: 'Send Picture', type: 'n8n-nodes-messenger-otn.messengerOtn', typeVersion: 1, position: [440, 0],
				parameters: {
					resource: 'message', operation: 'sendMessage', psid: '={{ $("Start").item.json.body.psid }}',
					messageType: 'image', mediaSource: 'binary', binaryPropertyName: 'picture', messagingType: 'RESPONSE',
				},
				credentials: { messengerOtnPageApi: credential },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Make Picture', type: 'main', index: 0 }]] },
			'Make Picture': { main: [[{ node: 'Send Picture', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}
