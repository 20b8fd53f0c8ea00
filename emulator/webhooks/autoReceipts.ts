import type { DeliveryRecord } from '../state/deliveries';
import type { EmulatorState } from '../state/emulatorState';
import { reportPaidReceipts } from '../state/paid/paidReceipts';
import { reportDelivered, reportRead } from '../state/receipts';
import { chance } from './chance';
import type { WebhookSettings } from './webhookSettings';

/**
 * A configured share of received messages is reported delivered at once, and a share of those read;
 * a paid message under the paid API's own fields (docs/meta-platform.md §3.5).
 */
export function autoReceipts(state: EmulatorState, settings: WebhookSettings, record: DeliveryRecord): void {
	const subscriber = state.subscribers.get(record.pageId, record.psid);
	if (!subscriber || !chance(state.random, settings.autoDeliveryPercent)) return;
	const read = chance(state.random, settings.autoReadPercent);
	if (record.via === 'subscription_token') {
		reportPaidReceipts(state, subscriber, read ? 'read' : 'delivery', { trackingId: record.trackingId });
		return;
	}
	reportDelivered(state, subscriber);
	if (read) reportRead(state, subscriber);
}
