import type { INodeProperties } from 'n8n-workflow';

import { MessengerOtn } from '../../../nodes/MessengerOtn/MessengerOtn.node';
import { CAMPAIGN_OPERATIONS, OPERATIONS } from '../../../nodes/MessengerOtn/operations';
import { RETIRED_MESSAGE_TAGS } from '../../../nodes/shared/messages/messageTags';
import { fakeExecuteContext } from './fakeExecuteContext';

const { description } = new MessengerOtn();
const properties = description.properties;

function optionValues(property: INodeProperties): unknown[] {
	return (property.options ?? []).map((option) => ('value' in option ? option.value : undefined));
}

function propertiesFor(resource: string, operation: string): INodeProperties[] {
	return properties.filter((property) => {
		const show = property.displayOptions?.show;
		return show?.resource?.includes(resource) && show.operation?.includes(operation);
	});
}

describe('the Request OTN node description', () => {
	it('is usable as a tool and describes itself for an AI agent', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.description).toMatch(/one-time notification or marketing messages permission/);
		expect(description.description).toMatch(/24-hour window/);
	});

	it('declares the token column sensitive, for n8n versions that redact it in stored executions', () => {
		expect(description.sensitiveOutputFields).toEqual(['token']);
	});

	it('offers exactly the operations it can run, each with an action', () => {
		const offered = properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) => {
				const resource = property.displayOptions?.show?.resource?.[0] as string;
				return (property.options ?? []).map((option) => {
					expect(option).toHaveProperty('action');
					return `${resource}.${(option as { value: string }).value}`;
				});
			});
		const all = { ...OPERATIONS, marketingCampaign: CAMPAIGN_OPERATIONS };
		const runnable = Object.entries(all).flatMap(([resource, operations]) => Object.keys(operations).map((name) => `${resource}.${name}`));
		expect(offered.sort()).toEqual(runnable.sort());
		expect(optionValues(properties.find((property) => property.name === 'resource')!).sort()).toEqual(Object.keys(all).sort());
	});

	it("asks for the Marketing API credential on Marketing Campaign only, and for the Page's everywhere else", () => {
		expect(description.credentials).toEqual([
			{ name: 'messengerOtnPageApi', required: true, displayOptions: { hide: { resource: ['marketingCampaign'] } } },
			{ name: 'messengerOtnMarketingApi', required: true, displayOptions: { show: { resource: ['marketingCampaign'] } } },
		]);
	});

	it.each([
		['message', 'sendMessage'],
		['optInRequest', 'requestOneTimeNotification'],
		['optInRequest', 'requestMarketingOptIn'],
	])('%s / %s takes the PSID from the trigger item and answers as a RESPONSE by default', (resource, operation) => {
		const fields = propertiesFor(resource, operation);
		expect(fields.find((field) => field.name === 'psid')?.default).toBe('={{ $json.psid }}');
		expect(fields.find((field) => field.name === 'messagingType')?.default).toBe('RESPONSE');
	});

	it('never offers a tag Meta retired', () => {
		const offered = properties.filter((property) => property.name === 'tag').flatMap(optionValues);
		expect(offered).toEqual(['CUSTOMER_FEEDBACK', 'HUMAN_AGENT']);
		for (const retired of RETIRED_MESSAGE_TAGS) expect(offered).not.toContain(retired);
	});

	it('refuses an operation it does not know', async () => {
		const { context } = fakeExecuteContext({ parameters: { resource: 'message', operation: 'deleteMessage' } });
		await expect(new MessengerOtn().execute.call(context)).rejects.toThrow('The operation "deleteMessage" of "message" is not known');
	});
});
