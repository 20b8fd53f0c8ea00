/** When OTN Broadcast may build one message for every row instead of one per row. */
import type { INode, INodeParameters } from 'n8n-workflow';

import { sameMessageForEveryItem } from '../../../nodes/shared/messages/sameMessageForEveryItem';

function node(parameters: INodeParameters): INode {
	return { id: 'b', name: 'OTN Broadcast', type: 'n8n-nodes-messenger-otn.otnBroadcast', typeVersion: 1, position: [0, 0], parameters };
}

describe('the same message for every item', () => {
	it('when no message parameter holds an expression', () => {
		expect(sameMessageForEveryItem(node({ messageType: 'text', text: 'Spring sale: 20% off', quickReplies: { quickReply: [{ title: 'Shop', payload: 'SHOP' }] } }))).toBe(true);
	});

	it('whatever the settings that are not the message hold (a campaign named by an expression)', () => {
		expect(sameMessageForEveryItem(node({ campaign: '={{ $json.campaign }}', messageType: 'text', text: 'Spring sale' }))).toBe(true);
	});

	it.each([
		['the text', { messageType: 'text', text: '=Hello {{ $json.firstName }}' }],
		['a quick reply deep in its collection', { messageType: 'text', text: 'Sale', quickReplies: { quickReply: [{ title: 'Shop', payload: '={{ $json.sku }}' }] } }],
		['a card of a generic template', { messageType: 'generic', elements: { element: [{ title: 'Shoes', imageUrl: '={{ $json.image }}' }] } }],
		["another variant's text", { messageType: 'text', text: 'Sale', useVariants: true, variants: { variant: [{ text: '={{ $json.offer }}', share: 50 }] } }],
	])('not when %s holds an expression', (_, parameters) => {
		expect(sameMessageForEveryItem(node(parameters as INodeParameters))).toBe(false);
	});

	it("not when each item's binary file is sent", () => {
		expect(sameMessageForEveryItem(node({ messageType: 'image', mediaSource: 'binary', binaryPropertyName: 'data' }))).toBe(false);
	});
});
