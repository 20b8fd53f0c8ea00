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
