import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { DEFAULT_TARGETING_SPEC, parseTargetingSpec, TARGETING_SPEC_FIX } from '../shared/graph/deliveryEstimateQuery';
import { classifyGraphError } from '../shared/graph/errorTable';
import type { BroadcastChannel } from './sendBroadcast';

export const estimateTargetingOption: INodeProperties = {
	displayName: 'Delivery Estimate Targeting Spec',
	name: 'estimateTargetingSpec',
	type: 'json',
	default: DEFAULT_TARGETING_SPEC,
	description:
		"Paid API, Dry Run's Audience Preview: the targeting spec of Meta's delivery and cost estimate for the Page's subscribers (the Marketing API's targeting_spec; Meta requires one)",
	displayOptions: { show: { '/sendThrough': ['paidApi'] } },
};

/** One Page's estimate as Meta gives it, or why there is none. */
async function estimateForPage(estimate: NonNullable<BroadcastChannel['estimateDelivery']>, pageId: string, spec: IDataObject): Promise<IDataObject> {
	const result = await estimate(pageId, spec);
	if (!result.ok) {
		const { meaning } = classifyGraphError(result.error, 'adAccount');
		return {
			error: `Meta gave no delivery estimate: ${meaning}`,
			...(result.error.code !== undefined ? { code: result.error.code } : {}),
			...(result.error.subcode !== undefined ? { subcode: result.error.subcode } : {}),
			metaMessage: result.error.userMessage ?? result.error.message,
		};
	}
	const entries = Array.isArray(result.body.data) ? (result.body.data as IDataObject[]) : [result.body];
	return entries[0] ?? {};
}

/**
 * The paid API's Audience Preview: Meta's delivery and cost estimate (`estimate_delivery_*`,
 * `estimate_cost_*`) for each Page the rows belong to. Meta counts the Page's subscribers the
 * targeting spec reaches, not only these rows. A refusal is described in place of the figures: the
 * preview comes out all the same, and nothing is sent.
 */
export async function previewDeliveryEstimate(
	estimate: NonNullable<BroadcastChannel['estimateDelivery']>,
	pageIds: string[],
	targetingSpec: unknown,
): Promise<IDataObject> {
	const spec = parseTargetingSpec(targetingSpec ?? DEFAULT_TARGETING_SPEC);
	if (!spec) return { error: 'The Delivery Estimate Targeting Spec is not a JSON object', fix: TARGETING_SPEC_FIX };
	const byPage: IDataObject = {};
	for (const pageId of pageIds) byPage[pageId] = await estimateForPage(estimate, pageId, spec);
	return { targetingSpec: spec, byPage };
}
