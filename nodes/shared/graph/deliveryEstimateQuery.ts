import type { IDataObject } from 'n8n-workflow';

/**
 * The fields of Meta's MessageDeliveryEstimate that Meta's send-messages guide asks for: the
 * delivery and cost estimates with their bounds (field names from Meta's Business SDK,
 * facebook/facebook-nodejs-business-sdk, src/objects/message-delivery-estimate.js).
 */
export const DELIVERY_ESTIMATE_FIELDS = [
	'estimate_delivery',
	'estimate_delivery_lower_bound',
	'estimate_delivery_upper_bound',
	'estimate_cost',
	'estimate_cost_lower_bound',
	'estimate_cost_upper_bound',
];

/** The targeting spec a new Estimate Delivery starts with: subscribers in the United States. */
export const DEFAULT_TARGETING_SPEC = '{ "geo_locations": { "countries": ["US"] } }';

/** A targeting spec given as JSON text or as an object; undefined when it is not a JSON object. */
export function parseTargetingSpec(value: unknown): IDataObject | undefined {
	let spec: unknown = value;
	if (typeof value === 'string') {
		try {
			spec = JSON.parse(value);
		} catch {
			return undefined;
		}
	}
	return spec && typeof spec === 'object' && !Array.isArray(spec) ? (spec as IDataObject) : undefined;
}

/** What to do about a targeting spec that is not a JSON object. */
export const TARGETING_SPEC_FIX = 'Enter Meta\'s targeting spec as a JSON object, for example { "geo_locations": { "countries": ["US"] } }.';

/**
 * The query of `GET /act_<id>/message_delivery_estimate` as Meta's guide builds it for Messenger
 * marketing messages: the Page as the promoted object, a targeting spec (both required by Meta's
 * Business SDK), a direct-send campaign without pacing, and the estimate fields.
 */
export function deliveryEstimateQuery(pageId: string, targetingSpec: IDataObject): IDataObject {
	return {
		promoted_object: JSON.stringify({ page_id: pageId }),
		targeting_spec: JSON.stringify(targetingSpec),
		is_direct_send_campaign: 'true',
		pacing_type: 'no_pacing',
		fields: DELIVERY_ESTIMATE_FIELDS.join(','),
	};
}
