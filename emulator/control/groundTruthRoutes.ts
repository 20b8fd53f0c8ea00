import { attachmentView } from '../state/attachments';
import type { DeliveryFilter, DeliveryVia } from '../state/deliveries';
import { badRequest } from './controlError';
import { route, type ControlRoute } from './controlRoute';

/** What really happened: deliveries per subscriber and token, uploaded attachments, inbound events, call statistics. */

const VIAS: DeliveryVia[] = ['psid', 'one_time_notif_token', 'notification_messages_token', 'subscription_token'];

function deliveryFilter(query: URLSearchParams): DeliveryFilter {
	const filter: DeliveryFilter = {};
	for (const name of ['pageId', 'psid', 'token'] as const) {
		const value = query.get(name);
		if (value !== null) filter[name] = value;
	}
	const via = query.get('via');
	if (via !== null) {
		if (!VIAS.includes(via as DeliveryVia)) throw badRequest(`via must be one of ${VIAS.join(', ')}`);
		filter.via = via as DeliveryVia;
	}
	return filter;
}

export const groundTruthRoutes: ControlRoute[] = [
	route('GET', '/deliveries', (state, { query }) => state.deliveries.list(deliveryFilter(query))),

	/** The files Pages uploaded, with their bytes in base64, to compare with what a workflow sent. */
	route('GET', '/attachments', (state, { query }) => state.attachments.list(query.get('pageId') ?? undefined).map(attachmentView)),

	route('GET', '/events', (state, { query }) => {
		const afterId = query.get('afterId');
		return state.events.list({ pageId: query.get('pageId') ?? undefined, afterId: afterId === null ? undefined : Number(afterId) });
	}),

	route('GET', '/stats', (state) => state.stats.snapshot()),

	route('DELETE', '/stats', (state) => {
		state.stats.clear();
		return state.stats.snapshot();
	}),
];
