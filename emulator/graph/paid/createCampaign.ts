import { CAMPAIGN_WINDOW_MS } from '../../core/durations';
import { newNumericId } from '../../core/ids';
import { invalidParameter } from '../../fixtures/graphErrors';
import { campaignCreated } from '../../fixtures/paidApiResponses';
import type { PageRecord } from '../../state/directory';
import type { EmulatorState } from '../../state/emulatorState';
import type { AdAccountRecord } from '../../state/paid/adAccounts';
import type { CampaignRecord } from '../../state/paid/campaigns';
import { jsonResponse, type GraphResponse } from '../graphCall';
import { GraphError } from '../graphError';
import { checkAdAccountStanding, checkPageRegion } from './accountRules';
import { optionalInteger, optionalText, optionalUnixTime, requiredText } from './paidParams';

/**
 * `POST /act_<id>/message_campaign` (docs/meta-platform.md §3.3): `name` and `page_id`, an optional daily or
 * lifetime budget in cents (not both), an optional `pixel_id`, and optional `start_time` and
 * `end_time` in unix seconds; answers `{ id }`. A refused call creates nothing.
 */
export function createCampaign(state: EmulatorState, account: AdAccountRecord, params: Record<string, unknown>): GraphResponse {
	const name = requiredText(params, 'name');
	const page = connectedPage(state, account, requiredText(params, 'page_id'));
	const dailyBudgetCents = optionalInteger(params, 'daily_budget', 1) ?? null;
	const lifetimeBudgetCents = optionalInteger(params, 'lifetime_budget', 1) ?? null;
	if (dailyBudgetCents !== null && lifetimeBudgetCents !== null) fail('Set either daily_budget or lifetime_budget, not both');
	const pixelId = optionalText(params, 'pixel_id') ?? null;
	if (pixelId !== null && !/^\d+$/.test(pixelId)) fail('Param pixel_id must be a Meta Pixel ID');
	const now = state.clock.now();
	const { startTime, endTime } = schedule(params, now, lifetimeBudgetCents !== null);
	checkAdAccountStanding(account);
	checkPageRegion(page);

	const campaign: CampaignRecord = {
		campaignId: newNumericId(),
		adAccountId: account.adAccountId,
		pageId: page.pageId,
		name,
		dailyBudgetCents,
		lifetimeBudgetCents,
		pixelId,
		startTime,
		endTime,
		createdAt: now,
		status: 'ACTIVE',
		spentCents: 0,
		spentByDay: {},
	};
	state.paid.campaigns.add(campaign);
	return jsonResponse(200, campaignCreated(campaign.campaignId));
}

function fail(detail: string): never {
	throw new GraphError(invalidParameter(detail));
}

/** The Page must be one the ad account is linked to (undocumented: strictest reading). */
function connectedPage(state: EmulatorState, account: AdAccountRecord, pageId: string): PageRecord {
	const page = state.directory.page(pageId);
	if (!page || !account.pageIds.includes(pageId)) fail(`Param page_id must be a Page connected to ad account act_${account.adAccountId}`);
	return page;
}

/**
 * §3.3: the start at most 30 days ahead (a start in the past starts at once); lifetime-budget
 * campaigns end 30 days after their start unless told otherwise (Meta's changelog). Undocumented,
 * strictest reading: an end must come after the start and at most 30 days after it.
 */
function schedule(params: Record<string, unknown>, now: number, lifetimeBudget: boolean): { startTime: number; endTime: number | null } {
	const startTime = optionalUnixTime(params, 'start_time') ?? now;
	if (startTime > now + CAMPAIGN_WINDOW_MS) fail('Param start_time must be at most 30 days from now');
	const endTime = optionalUnixTime(params, 'end_time') ?? (lifetimeBudget ? startTime + CAMPAIGN_WINDOW_MS : null);
	if (endTime !== null && endTime <= startTime) fail('Param end_time must be after start_time');
	if (endTime !== null && endTime > startTime + CAMPAIGN_WINDOW_MS) fail('Param end_time must be at most 30 days after start_time');
	return { startTime, endTime };
}
