/** What the editor shows of each node: action names, canvas subtitles, and which node an AI agent may call. */
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { MessengerOtn } from '../../nodes/MessengerOtn/MessengerOtn.node';
import { OtnBroadcast } from '../../nodes/OtnBroadcast/OtnBroadcast.node';
import { OtnTokenStore } from '../../nodes/OtnTokenStore/OtnTokenStore.node';

const requestOtn = new MessengerOtn().description;
const tokenStore = new OtnTokenStore().description;
const broadcast = new OtnBroadcast().description;

function operationOptions(description: INodeTypeDescription): INodePropertyOptions[] {
	return description.properties
		.filter((property: INodeProperties) => property.name === 'operation')
		.flatMap((property) => (property.options ?? []) as INodePropertyOptions[]);
}

/** Evaluates a `={{ … }}` subtitle the way the canvas does, for the given parameters. */
function subtitle(description: INodeTypeDescription, parameters: Record<string, unknown>): unknown {
	const body = /^=\{\{(.*)\}\}$/s.exec(String(description.subtitle))?.[1];
	if (body === undefined) throw new Error(`not an expression: ${description.subtitle}`);
	return new Function('$parameter', `return (${body});`)(parameters);
}

describe('the actions the node panel lists', () => {
	const actions = [...operationOptions(requestOtn), ...operationOptions(tokenStore)].map((option) => String(option.action));

	it('are all there: 8 of Request OTN, 6 of OTN Token Store', () => {
		expect(actions).toHaveLength(14);
	});

	it.each(actions)('"%s" carries no article', (action) => {
		expect(action).not.toMatch(/\b(a|an|the)\b/i);
	});

	// n8n's verification scanner applies its sentence-case rule without inline exceptions, and that
	// rule writes compound words without hyphens: the actions follow it, the operation names keep them.
	it("are in the sentence case n8n's verification scanner demands", () => {
		expect(actions).toContain('Request one time notification');
		expect(actions).toContain('Send message inside 24 hour window');
		expect(actions).toContain('Request marketing messages opt in');
	});
});

describe('the canvas subtitle', () => {
	it.each([
		['Request OTN', requestOtn],
		['OTN Token Store', tokenStore],
	])('of %s names the chosen operation as the panel lists it', (_, description) => {
		for (const option of operationOptions(description)) {
			const shown = String(subtitle(description, { operation: option.value, resource: 'any' }));
			expect(shown).toContain(option.name);
			expect(shown).not.toBe(option.value);
		}
	});

	it('of OTN Broadcast shows the campaign name through the Send API', () => {
		expect(subtitle(broadcast, { sendThrough: 'sendApi', campaign: 'spring-sale', campaignId: '' })).toBe('spring-sale');
	});

	it('of OTN Broadcast shows the campaign through the paid API, picked from the list, typed as an ID, or saved before the picker', () => {
		const picked = { __rl: true, mode: 'list', value: '120330000000000001', cachedResultName: 'Spring sale' };
		expect(subtitle(broadcast, { sendThrough: 'paidApi', campaign: '', campaignId: picked })).toBe('Campaign Spring sale');
		const typed = { __rl: true, mode: 'id', value: '120330000000000001' };
		expect(subtitle(broadcast, { sendThrough: 'paidApi', campaign: '', campaignId: typed })).toBe('Campaign 120330000000000001');
		expect(subtitle(broadcast, { sendThrough: 'paidApi', campaign: '', campaignId: '120330000000000001' })).toBe('Campaign 120330000000000001');
	});
});

describe('AI agents', () => {
	it('may call Request OTN, whose messages and opt-in requests go to one subscriber a tool call names', () => {
		expect(requestOtn.usableAsTool).toBe(true);
	});

	it('get no tool of OTN Token Store or OTN Broadcast: a tool call carries no token rows, and a broadcast may spend money', () => {
		expect(tokenStore.usableAsTool).toBeUndefined();
		expect(broadcast.usableAsTool).toBeUndefined();
	});
});

describe("Apply Event's Event parameter", () => {
	it('is empty by default, which reads the event from the trigger whatever its name', () => {
		const event = tokenStore.properties.find((property) => property.name === 'event');
		expect(event?.default).toBe('');
	});
});
