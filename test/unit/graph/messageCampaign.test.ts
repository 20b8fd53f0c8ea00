import { messageCampaignBody, messageCampaignProblems, type MessageCampaignInput } from '../../../nodes/shared/graph/messageCampaign';

const NOW = new Date('2026-11-27T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const campaign = (overrides: Partial<MessageCampaignInput> = {}): MessageCampaignInput => ({
	name: 'Spring sale',
	pageId: '200000000000001',
	budget: { kind: 'daily', cents: 1000 },
	startTime: null,
	endTime: null,
	pixelId: null,
	...overrides,
});

describe('a message campaign, checked before the call (docs/meta-platform.md §3.3)', () => {
	it('takes a name, a Page, a budget in cents and times up to 30 days ahead', () => {
		expect(messageCampaignProblems(campaign({ startTime: at(30), endTime: at(60) }), NOW)).toEqual([]);
	});

	it.each([
		['a blank name', { name: '  ' }, 'The campaign needs a name'],
		['a Page ID that is not one', { pageId: 'my-page' }, 'The Page ID "my-page" is not a Facebook Page ID (digits only)'],
		['a budget of 0 cents', { budget: { kind: 'lifetime' as const, cents: 0 } }, 'The budget must be a whole number of cents, at least 1 (for example 5000 for 50.00)'],
		['a budget with cents of cents', { budget: { kind: 'lifetime' as const, cents: 12.5 } }, 'The budget must be a whole number of cents, at least 1 (for example 5000 for 50.00)'],
		['a start more than 30 days ahead', { startTime: at(31) }, 'The start time must be at most 30 days ahead'],
		['an end before the start', { startTime: at(2), endTime: at(1) }, 'The end time must come after the start time'],
		['a campaign of more than 30 days', { endTime: at(31) }, 'A campaign runs at most 30 days: the end time must be within 30 days of the start'],
		['a start that is not a date', { startTime: new Date('nope') }, 'The start time is not a date'],
		['a pixel that is not one', { pixelId: 'px' }, 'The Meta Pixel ID must be digits only'],
	])('refuses %s', (_name, overrides, problem) => {
		expect(messageCampaignProblems(campaign(overrides), NOW)).toEqual([problem]);
	});

	it("writes Meta's body: budget by kind in cents, unix seconds, nothing unset", () => {
		expect(messageCampaignBody(campaign())).toEqual({ name: 'Spring sale', page_id: '200000000000001', daily_budget: 1000 });
		expect(messageCampaignBody(campaign({ budget: null, startTime: at(1), endTime: at(2), pixelId: '42' }))).toEqual({
			name: 'Spring sale',
			page_id: '200000000000001',
			start_time: at(1).getTime() / 1000,
			end_time: at(2).getTime() / 1000,
			pixel_id: '42',
		});
	});
});
