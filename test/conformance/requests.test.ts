/** What the nodes send, against the request shapes Meta documents. */
import { deliveryEstimateQuery, DELIVERY_ESTIMATE_FIELDS } from '../../nodes/shared/graph/deliveryEstimateQuery';
import { paidMessageBody } from '../../nodes/shared/graph/paidMessageRequest';
import { sendRequestBody } from '../../nodes/shared/graph/sendRequest';
import { MARKETING_CTA_TEXTS } from '../../nodes/shared/messages/marketingOptInRequest';
import { oneTimeNotificationRequest } from '../../nodes/shared/messages/oneTimeNotificationRequest';
import { textMessage } from '../../nodes/shared/messages/textMessage';
import { sampleJson } from './metaSamples';

/** The structure of a JSON value: its keys, nested, and the type of each leaf. */
function shapeOf(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(shapeOf);
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([key, inner]) => [key, shapeOf(inner)]));
	return typeof value;
}

function built<T>(result: { ok: true; message: T } | { ok: false; problems: unknown[] }): T {
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.message;
}

describe("requests against Meta's documented shapes", () => {
	it("Request OTN's one-time notification request has exactly the keys of Meta's one_time_notif_req template", () => {
		const body = sendRequestBody({ recipient: { id: '1254459154682919' }, message: built(oneTimeNotificationRequest({ title: 'Back in stock?', topic: 'SKU123' })) });
		expect(shapeOf(body)).toEqual(shapeOf(sampleJson('requests/otn-request.meta-one-time-notification.json')));
	});

	it("a send to a one-time token has the recipient and message of Meta's sample (the token alone, no id)", () => {
		const body = sendRequestBody({ recipient: { one_time_notif_token: 'TOKEN' }, message: built(textMessage('It is back')) });
		expect(shapeOf(body)).toEqual(shapeOf(sampleJson('requests/otn-send.meta-one-time-notification.json')));
	});

	it("offers Messenger's notification_messages_cta_text values only (FREQUENCY is Instagram's)", () => {
		expect(Object.keys(MARKETING_CTA_TEXTS).sort()).toEqual(['ALLOW', 'GET', 'GET_UPDATES', 'OPT_IN', 'SIGN_UP']);
	});

	it("a paid send names the campaign as message_id and the token under messenger_delivery_data, as Meta's guide does", () => {
		const body = paidMessageBody({ campaignId: '120330000000000001', subscriptionToken: 'TOKEN', message: { text: 'Hi' } });
		expect(body).toEqual({ message_id: '120330000000000001', messenger_delivery_data: { subscription_token: 'TOKEN' }, message: { text: 'Hi' } });
	});

	it("Estimate Delivery queries with the Page as promoted_object, a targeting spec, a direct-send campaign without pacing, and Meta's estimate fields", () => {
		const query = deliveryEstimateQuery('200000000000001', { geo_locations: { countries: ['US'] } });
		expect(query).toEqual({
			promoted_object: '{"page_id":"200000000000001"}',
			targeting_spec: '{"geo_locations":{"countries":["US"]}}',
			is_direct_send_campaign: 'true',
			pacing_type: 'no_pacing',
			fields: DELIVERY_ESTIMATE_FIELDS.join(','),
		});
		// The fields of Meta's MessageDeliveryEstimate (facebook/facebook-nodejs-business-sdk).
		const sdkFields = ['estimate_cost', 'estimate_cost_lower_bound', 'estimate_cost_upper_bound', 'estimate_coverage_lower_bound', 'estimate_coverage_upper_bound', 'estimate_delivery', 'estimate_delivery_lower_bound', 'estimate_delivery_upper_bound', 'estimate_status'];
		expect(DELIVERY_ESTIMATE_FIELDS.every((field) => sdkFields.includes(field))).toBe(true);
		expect(DELIVERY_ESTIMATE_FIELDS.filter((field) => /^estimate_(delivery|cost)/.test(field))).toEqual(DELIVERY_ESTIMATE_FIELDS);
	});
});
