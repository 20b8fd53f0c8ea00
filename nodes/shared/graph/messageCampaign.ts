import type { IDataObject } from 'n8n-workflow';

import { DAY_MS } from '../timeSpans';

/** A message campaign of the paid Marketing Message API (docs/meta-platform.md §3.3), checked before any call. */

export type CampaignBudget = { kind: 'daily' | 'lifetime'; cents: number } | null;

export interface MessageCampaignInput {
	name: string;
	pageId: string;
	/** In cents of the ad account's currency; null lets Meta set a daily cap (its changelog, 2026-06-30). */
	budget: CampaignBudget;
	/** Null: start now. */
	startTime: Date | null;
	/** Null: Meta's default (30 days after the start for a lifetime budget). */
	endTime: Date | null;
	pixelId: string | null;
}

/** §3.3: a campaign starts at most 30 days ahead; Meta's default window is 30 days as well. */
const CAMPAIGN_WINDOW_DAYS = 30;
const WINDOW_MS = CAMPAIGN_WINDOW_DAYS * DAY_MS;

/** What Meta would refuse, in words a marketer understands; empty when the campaign can be created. */
export function messageCampaignProblems(input: MessageCampaignInput, now: Date): string[] {
	const problems: string[] = [];
	if (!input.name.trim()) problems.push('The campaign needs a name');
	if (!/^\d+$/.test(input.pageId)) problems.push(`The Page ID "${input.pageId.slice(0, 40)}" is not a Facebook Page ID (digits only)`);
	if (input.budget && (!Number.isSafeInteger(input.budget.cents) || input.budget.cents < 1)) {
		problems.push('The budget must be a whole number of cents, at least 1 (for example 5000 for 50.00)');
	}
	if (input.pixelId !== null && !/^\d+$/.test(input.pixelId)) problems.push('The Meta Pixel ID must be digits only');
	const start = input.startTime ?? now;
	if (Number.isNaN(start.getTime())) problems.push('The start time is not a date');
	else if (start.getTime() > now.getTime() + WINDOW_MS) problems.push(`The start time must be at most ${CAMPAIGN_WINDOW_DAYS} days ahead`);
	if (input.endTime && Number.isNaN(input.endTime.getTime())) problems.push('The end time is not a date');
	else if (input.endTime && input.endTime.getTime() <= start.getTime()) problems.push('The end time must come after the start time');
	else if (input.endTime && input.endTime.getTime() > start.getTime() + WINDOW_MS) {
		problems.push(`A campaign runs at most ${CAMPAIGN_WINDOW_DAYS} days: the end time must be within ${CAMPAIGN_WINDOW_DAYS} days of the start`);
	}
	return problems;
}

function unixSeconds(date: Date): number {
	return Math.floor(date.getTime() / 1000);
}

/** The body of `POST /act_<id>/message_campaign`: budgets in cents, times in unix seconds. */
export function messageCampaignBody(input: MessageCampaignInput): IDataObject {
	const body: IDataObject = { name: input.name.trim(), page_id: input.pageId };
	if (input.budget) body[input.budget.kind === 'daily' ? 'daily_budget' : 'lifetime_budget'] = input.budget.cents;
	if (input.startTime) body.start_time = unixSeconds(input.startTime);
	if (input.endTime) body.end_time = unixSeconds(input.endTime);
	if (input.pixelId) body.pixel_id = input.pixelId;
	return body;
}
