import { newNumericId, newPageToken } from '../core/ids';
import { regionCode } from '../core/regions';
import { PAID_API_ERROR_CODES } from '../fixtures/paidApiErrors';
import type { EmulatorState } from '../state/emulatorState';
import { AdAccountConflict, PAID_API_PERMISSIONS, type AdAccountConfig, type PaymentMethod } from '../state/paid/adAccounts';
import { CAMPAIGN_STATUSES, effectiveStatus, type CampaignRecord, type CampaignStatus } from '../state/paid/campaigns';
import { reportPaidReceipts, type PaidReceiptKind } from '../state/paid/paidReceipts';
import type { PaidMessageFilter } from '../state/paid/paidMessages';
import type { SubscriberRecord } from '../state/subscribers';
import type { MarketingTokenRecord } from '../state/tokens';
import { optionalNumber, optionalString, requiredNumber, requiredString } from './bodyFields';
import { badRequest, ControlError, notFound } from './controlError';
import { route, type ControlRoute } from './controlRoute';
import type { CampaignView } from './paidApiTypes';
import { tokenView } from './views';

/**
 * The paid Marketing Message API's control routes (docs/meta-platform.md §3): ad accounts and their Pages,
 * system users, regions, what the paid API finds on a subscriber, token expiry, campaign states,
 * the paid messages sent, and the subscriber's receipts on them.
 */

const PAYMENT_METHODS: PaymentMethod[] = ['card', 'prepaid', 'none'];
const RECEIPT_KINDS: PaidReceiptKind[] = ['delivery', 'read', 'click', 'delivery_failed'];
const FREQUENCY_CAP_CODES = [2300042, 2300043, 2300044];

function region(body: Record<string, unknown>, name = 'region'): string | undefined {
	const value = optionalString(body, name);
	if (value === undefined) return undefined;
	const code = regionCode(value);
	if (!code) throw badRequest(`${name} must be a two-letter country code`);
	return code;
}

function optionalBoolean(body: Record<string, unknown>, name: string): boolean | undefined {
	const value = body[name];
	if (value === undefined) return undefined;
	if (typeof value !== 'boolean') throw badRequest(`${name} must be true or false`);
	return value;
}

function stringList(body: Record<string, unknown>, name: string): string[] | undefined {
	const value = body[name];
	if (value === undefined) return undefined;
	if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) throw badRequest(`${name} must be a list of strings`);
	return value as string[];
}

/** The account fields a body sets, checked; only those given. */
function accountFields(body: Record<string, unknown>): Partial<AdAccountConfig> {
	const paymentMethod = optionalString(body, 'paymentMethod');
	if (paymentMethod !== undefined && !PAYMENT_METHODS.includes(paymentMethod as PaymentMethod)) throw badRequest(`paymentMethod must be one of ${PAYMENT_METHODS.join(', ')}`);
	const spendCap = body.spendCapCents === null ? null : optionalNumber(body, 'spendCapCents', 0);
	const fields: Partial<AdAccountConfig> = {
		name: optionalString(body, 'name'),
		region: region(body),
		currency: optionalString(body, 'currency'),
		accountStatus: optionalNumber(body, 'accountStatus', 1),
		pageIds: stringList(body, 'pageIds'),
		paymentMethod: paymentMethod as PaymentMethod | undefined,
		prepaidBalanceCents: optionalNumber(body, 'prepaidBalanceCents', 0),
		termsAccepted: optionalBoolean(body, 'termsAccepted'),
		spendCapCents: spendCap,
		pricePerMessageCents: optionalNumber(body, 'pricePerMessageCents', 0),
	};
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function accountOf(state: EmulatorState, adAccountId: string) {
	const account = state.paid.adAccounts.get(adAccountId.replace(/^act_/, ''));
	if (!account) throw notFound(`ad account ${adAccountId} does not exist`);
	return account;
}

function subscriberOf(state: EmulatorState, pageId: string, psid: string): SubscriberRecord {
	const subscriber = state.subscribers.get(pageId, psid);
	if (!subscriber) throw notFound(`subscriber ${psid} does not exist on page ${pageId}`);
	return subscriber;
}

function campaignView(campaign: CampaignRecord, now: number): CampaignView {
	return { ...campaign, effectiveStatus: effectiveStatus(campaign, now) };
}

function conflictsAsControlErrors<T>(make: () => T): T {
	try {
		return make();
	} catch (error) {
		if (error instanceof AdAccountConflict) throw new ControlError(409, error.message);
		throw error;
	}
}

export const paidApiRoutes: ControlRoute[] = [
	route('GET', '/ad-accounts', (state) => state.paid.adAccounts.list()),

	route('POST', '/ad-accounts', (state, { body }) =>
		conflictsAsControlErrors(() =>
			state.paid.addAdAccount({ ...accountFields(body), adAccountId: optionalString(body, 'adAccountId')?.replace(/^act_/, '') ?? newNumericId() }),
		),
	),

	// Partial: only the fields given change; `pageIds` replaces the list.
	route('PUT', '/ad-accounts/:adAccountId', (state, { params, body }) => Object.assign(accountOf(state, params[0]), accountFields(body))),

	// The next `count` paid sends of the account answer this §3.6 code, whatever else holds.
	route('POST', '/ad-accounts/:adAccountId/errors', (state, { params, body }) => {
		const account = accountOf(state, params[0]);
		const code = requiredNumber(body, 'code');
		if (!PAID_API_ERROR_CODES.includes(code)) throw badRequest(`code must be one of ${PAID_API_ERROR_CODES.join(', ')}`);
		const count = optionalNumber(body, 'count', 1) ?? 1;
		state.paid.injectErrors(account.adAccountId, code, count);
		return { adAccountId: account.adAccountId, code, count };
	}),

	// The account's Marketing API score (X-Ad-Account-Usage): maximum, decay and block, in Meta's terms.
	route('PUT', '/ad-accounts/:adAccountId/usage-limit', (state, { params, body }) => {
		const account = accountOf(state, params[0]);
		const tier = optionalString(body, 'tier');
		if (tier !== undefined && tier !== 'standard_access' && tier !== 'development_access') throw badRequest('tier must be standard_access or development_access');
		const setting = state.paid.adAccountScores.set(account.adAccountId, {
			...definedOnly({ maxScore: optionalNumber(body, 'maxScore', 1), decaySeconds: optionalNumber(body, 'decaySeconds', 1), blockSeconds: optionalNumber(body, 'blockSeconds', 0) }),
			...(tier === undefined ? {} : { tier }),
		});
		return { adAccountId: account.adAccountId, ...setting };
	}),

	route('GET', '/system-users', (state) => state.paid.adAccounts.listSystemUsers()),

	route('POST', '/system-users', (state, { body }) => {
		const token = optionalString(body, 'token') ?? newPageToken().replace('PAGE', 'SYSTEM_USER');
		if (state.directory.pageByToken(token)) throw new ControlError(409, 'that token is already a Page token');
		const permissions = stringList(body, 'permissions');
		const unknown = permissions?.filter((permission) => !PAID_API_PERMISSIONS.includes(permission)) ?? [];
		if (unknown.length > 0) throw badRequest(`unknown permissions ${unknown.join(', ')}; known: ${PAID_API_PERMISSIONS.join(', ')}`);
		return conflictsAsControlErrors(() =>
			state.paid.addSystemUser({
				token,
				name: optionalString(body, 'name'),
				appId: optionalString(body, 'appId'),
				adAccountIds: stringList(body, 'adAccountIds')?.map((id) => id.replace(/^act_/, '')),
				permissions,
			}),
		);
	}),

	route('PUT', '/pages/:pageId', (state, { params, body }) => {
		const page = state.directory.page(params[0]);
		if (!page) throw notFound(`page ${params[0]} does not exist`);
		page.region = region(body) ?? page.region;
		return page;
	}),

	route('PUT', '/pages/:pageId/subscribers/:psid', (state, { params, body }) => {
		const subscriber = subscriberOf(state, params[0], params[1]);
		subscriber.region = region(body) ?? subscriber.region;
		subscriber.paid.canReceive = optionalBoolean(body, 'canReceivePaid') ?? subscriber.paid.canReceive;
		if (body.frequencyCap === null) subscriber.paid.frequencyCap = null;
		else if (body.frequencyCap !== undefined) {
			const cap = typeof body.frequencyCap === 'object' ? (body.frequencyCap as Record<string, unknown>) : {};
			const code = requiredNumber(cap, 'code');
			if (!FREQUENCY_CAP_CODES.includes(code)) throw badRequest(`frequencyCap.code must be one of ${FREQUENCY_CAP_CODES.join(', ')}`);
			subscriber.paid.frequencyCap = { code, until: state.clock.now() + requiredNumber(cap, 'forMs', 1) };
		}
		return subscriber;
	}),

	// Meta's tokens no longer expire (§2.1), but the paid API names the error (2300037).
	route('POST', '/pages/:pageId/tokens/expire', (state, { params, body }) => {
		const token = state.tokens.find(requiredString(body, 'token'));
		if (!token || token.pageId !== params[0] || token.type !== 'marketing') throw notFound('no marketing token of this page matches');
		(token as MarketingTokenRecord).expiredAt ??= state.clock.now();
		return tokenView(token, state.clock.now());
	}),

	route('GET', '/campaigns', (state, { query }) => {
		const now = state.clock.now();
		return state.paid.campaigns
			.list({ adAccountId: query.get('adAccountId')?.replace(/^act_/, '') ?? undefined, pageId: query.get('pageId') ?? undefined })
			.map((campaign) => campaignView(campaign, now));
	}),

	route('PUT', '/campaigns/:campaignId', (state, { params, body }) => {
		const campaign = state.paid.campaigns.get(params[0]);
		if (!campaign) throw notFound(`campaign ${params[0]} does not exist`);
		const status = requiredString(body, 'status');
		if (!CAMPAIGN_STATUSES.includes(status as CampaignStatus)) throw badRequest(`status must be one of ${CAMPAIGN_STATUSES.join(', ')}`);
		campaign.status = status as CampaignStatus;
		return campaignView(campaign, state.clock.now());
	}),

	route('GET', '/paid-messages', (state, { query }) => {
		const filter: PaidMessageFilter = {};
		for (const name of ['pageId', 'psid', 'token', 'campaignId'] as const) {
			const value = query.get(name);
			if (value !== null) filter[name] = value;
		}
		return state.paid.messages.list(filter);
	}),

	// The subscriber's Messenger reports on paid messages; 409 when there is nothing to report.
	route('POST', '/pages/:pageId/subscribers/:psid/paid-receipts', (state, { params, body }) => {
		const subscriber = subscriberOf(state, params[0], params[1]);
		const kind = requiredString(body, 'kind') as PaidReceiptKind;
		if (!RECEIPT_KINDS.includes(kind)) throw badRequest(`kind must be one of ${RECEIPT_KINDS.join(', ')}`);
		const events = reportPaidReceipts(state, subscriber, kind, { trackingId: optionalString(body, 'trackingId'), errorMessage: optionalString(body, 'errorMessage') });
		if (events.length === 0) throw new ControlError(409, `no paid message of this subscriber to report as ${kind}`);
		return events;
	}),
];

function definedOnly(fields: Record<string, number | undefined>): Record<string, number> {
	return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, number] => entry[1] !== undefined));
}
