import type { IDataObject } from 'n8n-workflow';

import { META_ERRORS, type MetaErrorFixture } from '../../fixtures/metaErrorBodies';
import { PAGE_TOKEN, runRequestOtn } from './fakeExecuteContext';

const oneTime = { resource: 'optInRequest', operation: 'requestOneTimeNotification', psid: '42', title: 'Red sneakers are back', topic: 'restock:red', messagingType: 'RESPONSE' };
const marketing = { ...oneTime, operation: 'requestMarketingOptIn', title: 'Weekly deals', topic: 'weekly-deals', ctaText: 'GET_UPDATES', options: {} };

const run = runRequestOtn;

const failWith = (fixture: MetaErrorFixture) => () => ({ statusCode: fixture.httpStatus, body: fixture.body });
const bodyOf = (requests: Array<{ body?: unknown }>) => requests[0].body as IDataObject;

describe('Request OTN: Request One-Time Notification', () => {
	it('sends the one_time_notif_req template with the topic as payload, as a RESPONSE', async () => {
		const { output, requests } = await run(oneTime);
		expect(bodyOf(requests)).toEqual({
			recipient: { id: '42' },
			message: { attachment: { type: 'template', payload: { template_type: 'one_time_notif_req', title: 'Red sneakers are back', payload: 'restock:red' } } },
			messaging_type: 'RESPONSE',
		});
		expect(output).toEqual([
			{ json: { operation: 'requestOneTimeNotification', psid: '42', messageId: 'm_1', topic: 'restock:red', title: 'Red sneakers are back' }, pairedItem: { item: 0 } },
		]);
	});

	it.each([
		['an empty title', { title: '' }, 'Title is empty; Messenger requires 1 to 65 characters'],
		['a title over 65 characters', { title: 'x'.repeat(66) }, 'Title has 66 characters; Messenger allows 1 to 65 characters'],
		['an empty topic', { topic: '' }, 'Topic is empty; Messenger requires 1 to 1000 characters'],
	])('refuses %s before calling Meta, saying the limit', async (_case, change, message) => {
		const { error, requests } = await run({ ...oneTime, ...change });
		expect(requests).toHaveLength(0);
		expect(error?.message).toBe(message);
		expect(error?.description).toContain('Nothing was sent');
	});

	it('offers no tag: an opt-in request goes inside the window only', async () => {
		const { error, requests } = await run({ ...oneTime, messagingType: 'MESSAGE_TAG' });
		expect(requests).toHaveLength(0);
		expect(error?.description).toBe('Choose one of RESPONSE, UPDATE.');
	});

	it('tells a marketer what to do when the subscriber is outside the 24-hour window, and keeps Meta’s ids', async () => {
		const { error } = await run(oneTime, { respond: failWith(META_ERRORS.outsideWindow) });
		expect(error?.message).toMatch(/^The subscriber's 24-hour window is closed.*Ask for a one-time notification or marketing messages opt-in the next time they write/);
		expect(error?.description).toMatch(/code 10, subcode 2018278, HTTP 400, fbtrace_id trace-10-2018278/);
	});

	it('never repeats the Page token in an error', async () => {
		const { error } = await run(oneTime, { respond: () => ({ statusCode: 400, body: { error: { code: 190, message: `Bad token ${PAGE_TOKEN}`, fbtrace_id: 'x' } } }) });
		expect(JSON.stringify({ message: error?.message, description: error?.description })).not.toContain(PAGE_TOKEN);
		expect(error?.description).toContain('[redacted]');
	});
});

describe('Request OTN: Request Marketing Messages Opt-In', () => {
	it('sends the notification_messages template with the options given', async () => {
		const { output, requests } = await run({
			...marketing,
			ctaText: 'SIGN_UP',
			options: { imageUrl: ' https://shop.example/deals.png ', imageAspectRatio: 'SQUARE', timezone: 'Europe/Paris' },
		});
		expect(bodyOf(requests).message).toEqual({
			attachment: {
				type: 'template',
				payload: {
					template_type: 'notification_messages',
					payload: 'weekly-deals',
					title: 'Weekly deals',
					image_url: 'https://shop.example/deals.png',
					image_aspect_ratio: 'SQUARE',
					notification_messages_cta_text: 'SIGN_UP',
					notification_messages_timezone: 'Europe/Paris',
				},
			},
		});
		expect(output[0].json).toEqual({ operation: 'requestMarketingOptIn', psid: '42', messageId: 'm_1', topic: 'weekly-deals', title: 'Weekly deals' });
	});

	it("leaves an empty title to Meta and reports Meta's default title", async () => {
		const { output, requests } = await run({ ...marketing, title: '' });
		expect((bodyOf(requests).message as IDataObject).attachment).not.toHaveProperty('payload.title');
		expect(output[0].json.title).toBe('Updates and promotions');
	});

	it('refuses a bad time zone and a long title before calling Meta', async () => {
		const { error, requests } = await run({ ...marketing, title: 'x'.repeat(66), options: { timezone: 'Paris' } });
		expect(requests).toHaveLength(0);
		expect(error?.message).toBe('Title has 66 characters; Messenger allows at most 65 characters (and 1 more)');
		expect(error?.description).toContain('Timezone "Paris" is not a time zone');
	});

	it('says in words that the subscriber was already asked with this title (613/1893016), not that Meta is rate limiting', async () => {
		const { error } = await run(marketing, { respond: failWith(META_ERRORS.duplicateOptInRequest) });
		expect(error?.message).toBe(
			'This subscriber was already asked for marketing messages with this title in the last 7 days, and Meta refuses the same request twice: ask again after a week, or about another topic with a title of its own',
		);
		expect(error?.description).toMatch(/code 613, subcode 1893016, HTTP 400, fbtrace_id trace-613-1893016/);
	});

	it('sends the refused request to the error output under continueOnFail, paired with its item', async () => {
		const { output } = await run(marketing, { continueOnFail: true, respond: failWith(META_ERRORS.duplicateOptInRequest) });
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(Object.keys(output[0].json).sort()).toEqual(['details', 'error']);
	});
});
