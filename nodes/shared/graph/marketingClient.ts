import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { classifyGraphError } from './errorTable';
import { deliveryEstimateQuery } from './deliveryEstimateQuery';
import { DEFAULT_TIMEOUT_MS, graphBaseUrl, graphCaller, type GraphCallerContext, type GraphResult, type UsageObserver } from './graphCaller';
import { mayHaveBeenDelivered, type GraphError } from './graphError';
import { DEFAULT_GRAPH_API_VERSION } from './graphVersions';
import { messageCampaignBody, type MessageCampaignInput } from './messageCampaign';
import { paidMessageBody, type PaidMessageRequest } from './paidMessageRequest';
import type { SendOutcome } from './sendOutcome';

export const MARKETING_CREDENTIAL_TYPE = 'messengerOtnMarketingApi';

/**
 * The campaign fields the Get operation reads: Graph's Campaign names, where the end set as
 * `end_time` (docs/meta-platform.md §3.3) reads back as `stop_time`. Graph refuses a field a node does not have.
 */
export const CAMPAIGN_FIELDS = [
	'id',
	'name',
	'status',
	'effective_status',
	'daily_budget',
	'lifetime_budget',
	'budget_remaining',
	'start_time',
	'stop_time',
	'created_time',
];

export interface MarketingClient {
	/** e.g. `https://graph.facebook.com/v25.0` */
	readonly baseUrl: string;
	/** The credential's ad account, digits only (no `act_`). */
	readonly adAccountId: string;
	call<T = IDataObject>(method: IHttpRequestMethods, path: string, options?: { qs?: IDataObject; body?: IDataObject }): Promise<GraphResult<T>>;
	/**
	 * One marketing message through the paid API. Never throws: Meta's refusal comes back
	 * classified (recipient kind `subscriptionToken`), and `messageId` is Meta's
	 * `marketing_message_tracking_id`, which the delivery, read and click webhooks carry.
	 */
	sendPaidMessage(request: PaidMessageRequest): Promise<SendOutcome>;
	createCampaign(input: MessageCampaignInput): Promise<GraphResult<{ id: string }>>;
	getCampaign(campaignId: string, fields?: string[]): Promise<GraphResult<IDataObject>>;
	/** Meta's delivery estimate for a Page's subscribers, queried as Meta's guide does (deliveryEstimateQuery.ts). */
	estimateDelivery(pageId: string, targetingSpec: IDataObject): Promise<GraphResult<IDataObject>>;
}

/** `act_123`, ` 123 ` → `123`. */
function adAccountDigits(value: unknown): string {
	return String(value ?? '')
		.trim()
		.replace(/^act_/i, '');
}

function paidSendFailed(error: GraphError): SendOutcome {
	return { ok: false, error, mayHaveBeenDelivered: mayHaveBeenDelivered(error), ...classifyGraphError(error, 'subscriptionToken') };
}

/** §3.4: `{ "success": true, "marketing_message_tracking_id": "…" }`. */
function paidSendAnswer(body: unknown): SendOutcome {
	const answer = (body ?? {}) as { success?: unknown; marketing_message_tracking_id?: unknown };
	if (answer.success === true || answer.success === 'true') return { ok: true, messageId: String(answer.marketing_message_tracking_id ?? '') };
	// A 2xx that does not say the message went: it may have, so it is retried as a temporary failure.
	const meaning = 'Meta answered without confirming the send; the message may have been sent';
	return { ok: false, error: { httpStatus: 200, message: meaning }, mayHaveBeenDelivered: true, errorClass: 'transient', meaning };
}

/**
 * The paid Marketing Message API (docs/meta-platform.md §3), with the Messenger OTN Marketing API credential:
 * a system user's token and the ad account it sends for. Built like the Page's client
 * (graphClient.ts): results as values, classified by the one error table, no token in any of them.
 */
export async function createMarketingClient(
	context: GraphCallerContext,
	options: { timeoutMs?: number; onUsage?: UsageObserver } = {},
): Promise<MarketingClient> {
	const credentials = await context.getCredentials(MARKETING_CREDENTIAL_TYPE);
	const baseUrl = graphBaseUrl(credentials.graphHost, String(credentials.graphApiVersion || DEFAULT_GRAPH_API_VERSION));
	const adAccountId = adAccountDigits(credentials.adAccountId);
	const call = graphCaller(context, {
		credentialType: MARKETING_CREDENTIAL_TYPE,
		baseUrl,
		secrets: [credentials.accessToken, credentials.appSecret].map((value) => (value ? String(value) : undefined)),
		timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		onUsage: options.onUsage,
	});
	const act = `/act_${encodeURIComponent(adAccountId)}`;

	async function sendPaidMessage(request: PaidMessageRequest): Promise<SendOutcome> {
		const result = await call('POST', `${act}/messages`, { body: paidMessageBody(request) }, [request.subscriptionToken]);
		return result.ok ? paidSendAnswer(result.body) : paidSendFailed(result.error);
	}

	return {
		baseUrl,
		adAccountId,
		call: (method, path, callOptions) => call(method, path, callOptions),
		sendPaidMessage,
		createCampaign: (input) => call<{ id: string }>('POST', `${act}/message_campaign`, { body: messageCampaignBody(input) }),
		getCampaign: (campaignId, fields = CAMPAIGN_FIELDS) =>
			call('GET', `/${encodeURIComponent(campaignId)}`, { qs: { fields: fields.join(',') } }),
		estimateDelivery: (pageId, targetingSpec) => call('GET', `${act}/message_delivery_estimate`, { qs: deliveryEstimateQuery(pageId, targetingSpec) }),
	};
}
