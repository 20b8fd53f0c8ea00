import { PAID_MESSAGE_MIN_GAP_MS } from '../../core/durations';
import { businessRegionSupported, subscriberRegionSupported } from '../../core/regions';
import { invalidParameter } from '../../fixtures/graphErrors';
import { nonexistingField } from '../../fixtures/paidApiErrors';
import { deliveryEstimate, UnknownField } from '../../fixtures/paidApiResponses';
import type { EmulatorState } from '../../state/emulatorState';
import type { AdAccountRecord } from '../../state/paid/adAccounts';
import type { MarketingTokenRecord } from '../../state/tokens';
import type { Identity } from '../auth';
import { jsonResponse, type GraphCall, type GraphResponse } from '../graphCall';
import { GraphError } from '../graphError';
import { requirePermission, requireSystemUser } from './adAccountAccess';
import { requiredText } from './paidParams';

function fail(detail: string): never {
	throw new GraphError(invalidParameter(detail));
}

/** A JSON object parameter (Graph takes objects as JSON text in a query). */
function jsonObject(params: Record<string, unknown>, name: string): Record<string, unknown> {
	const text = requiredText(params, name);
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		fail(`Param ${name} must be a JSON object`);
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) fail(`Param ${name} must be a JSON object`);
	return value as Record<string, unknown>;
}

/** The countries of a targeting spec's geo_locations, upper case; undefined when it names none. */
function targetedCountries(spec: Record<string, unknown>): Set<string> | undefined {
	const geo = spec.geo_locations as { countries?: unknown } | undefined;
	if (!geo || !Array.isArray(geo.countries)) return undefined;
	return new Set(geo.countries.map((country) => String(country).toUpperCase()));
}

/**
 * `GET /act_<id>/message_delivery_estimate`, queried as Meta's send-messages guide does:
 * `promoted_object={"page_id":…}` of a Page the account is linked to, a `targeting_spec` (both
 * required by Meta's Business SDK), `is_direct_send_campaign=true`, `pacing_type=no_pacing` and
 * `fields` (each required here: strictest reading). The emulator counts that Page's subscription
 * tokens the paid API can reach (not stopped or expired, subscriber in a supported region and in
 * the spec's `geo_locations.countries` when it names some), and of those the ones a message could
 * go to now.
 */
export function estimateDelivery(state: EmulatorState, identity: Identity, account: AdAccountRecord, call: GraphCall): GraphResponse {
	requirePermission(requireSystemUser(identity), ['ads_management', 'ads_read']);
	const promoted = jsonObject(call.params, 'promoted_object');
	const pageId = typeof promoted.page_id === 'number' ? String(promoted.page_id) : promoted.page_id;
	if (typeof pageId !== 'string' || !pageId) fail('Param promoted_object must name the page_id of the Page that sends');
	const page = state.directory.page(pageId);
	if (!page || !account.pageIds.includes(pageId)) fail(`Param promoted_object.page_id must be a Page connected to ad account act_${account.adAccountId}`);
	const countries = targetedCountries(jsonObject(call.params, 'targeting_spec'));
	if (requiredText(call.params, 'is_direct_send_campaign') !== 'true') fail('Param is_direct_send_campaign must be true for marketing messages');
	if (requiredText(call.params, 'pacing_type').toUpperCase() !== 'NO_PACING') fail('Param pacing_type must be no_pacing for marketing messages');
	const fields = requiredText(call.params, 'fields')
		.split(',')
		.map((field) => field.trim())
		.filter(Boolean);
	const now = state.clock.now();
	const reachable = businessRegionSupported(page.region)
		? state.tokens.listForPage(pageId).filter((token): token is MarketingTokenRecord => token.type === 'marketing' && reachableAtAll(state, token, countries))
		: [];
	const estimate = { subscribers: reachable.length, reachableNow: reachable.filter((token) => reachableNow(state, token, now)).length, priceCents: account.pricePerMessageCents };
	try {
		return jsonResponse(200, deliveryEstimate(estimate, fields));
	} catch (error) {
		if (error instanceof UnknownField) throw new GraphError(nonexistingField(error.field, error.nodeType));
		throw error;
	}
}

function reachableAtAll(state: EmulatorState, token: MarketingTokenRecord, countries: Set<string> | undefined): boolean {
	const subscriber = state.subscribers.get(token.pageId, token.psid);
	if (!subscriber || (countries && !countries.has(subscriber.region.toUpperCase()))) return false;
	return token.stoppedAt === null && token.expiredAt === null && subscriberRegionSupported(subscriber.region);
}

function reachableNow(state: EmulatorState, token: MarketingTokenRecord, now: number): boolean {
	const subscriber = state.subscribers.get(token.pageId, token.psid);
	const lastSent = state.paid.messages.lastSentAt(token.token);
	const cap = subscriber?.paid.frequencyCap;
	return subscriber?.paid.canReceive === true && (lastSent === undefined || now >= lastSent + PAID_MESSAGE_MIN_GAP_MS) && !(cap && now < cap.until);
}
