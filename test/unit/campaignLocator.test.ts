/** The Campaign pickers as the editor gets them: a list backed by a search method, and an ID mode. */
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { MessengerOtn } from '../../nodes/MessengerOtn/MessengerOtn.node';
import { OtnBroadcast } from '../../nodes/OtnBroadcast/OtnBroadcast.node';

function campaignParameter(node: INodeType, show: Record<string, string>): INodeProperties {
	const found = node.description.properties.find(
		(property) => property.name === 'campaignId' && Object.entries(show).every(([key, value]) => property.displayOptions?.show?.[key]?.includes(value)),
	);
	if (!found) throw new Error('no campaignId parameter');
	return found;
}

describe.each([
	['Request OTN → Get Campaign', new MessengerOtn(), { resource: 'marketingCampaign', operation: 'get' }],
	['OTN Broadcast through the paid API', new OtnBroadcast(), { sendThrough: 'paidApi' }],
])('the Campaign of %s', (_, node, show) => {
	const parameter = campaignParameter(node, show);

	it('is a picker with a searchable list and an ID mode', () => {
		expect(parameter.type).toBe('resourceLocator');
		expect(parameter.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
		const list = parameter.modes?.find((mode) => mode.name === 'list');
		expect(list?.typeOptions).toEqual({ searchListMethod: 'searchCampaigns', searchable: true });
		expect(typeof node.methods?.listSearch?.searchCampaigns).toBe('function');
	});

	it('accepts digits only when typed as an ID', () => {
		const id = parameter.modes?.find((mode) => mode.name === 'id');
		const regex = new RegExp((id?.validation?.[0] as unknown as { properties: { regex: string } }).properties.regex);
		expect(regex.test('120330000000000001')).toBe(true);
		expect(regex.test('act_120330000000000001')).toBe(false);
	});
});

it('Get Campaign still reads the ID Create put out when left as it is', () => {
	expect(campaignParameter(new MessengerOtn(), { operation: 'get' }).default).toEqual({ mode: 'id', value: '={{ $json.campaignId }}' });
});

it("OTN Broadcast opens on the ad account's list", () => {
	expect(campaignParameter(new OtnBroadcast(), { sendThrough: 'paidApi' }).default).toEqual({ mode: 'list', value: '' });
});

describe.each(['create', 'estimateDelivery'])('the Page of Marketing Campaign → %s', (operation) => {
	const node = new MessengerOtn();
	const parameter = node.description.properties.find((property) => property.name === 'pageId' && property.displayOptions?.show?.operation?.includes(operation));

	it("is a picker over the system user's Pages, opening on the list", () => {
		expect(parameter?.type).toBe('resourceLocator');
		expect(parameter?.default).toEqual({ mode: 'list', value: '' });
		expect(parameter?.modes?.find((mode) => mode.name === 'list')?.typeOptions).toEqual({ searchListMethod: 'searchPages', searchable: true });
		expect(typeof node.methods?.listSearch?.searchPages).toBe('function');
	});
});
