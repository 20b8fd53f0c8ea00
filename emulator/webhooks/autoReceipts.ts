import type { DeliveryRecord } from '../state/deliveries';
import type { EmulatorState } from '../state/emulatorState';
import { reportDelivered, reportRead } from '../state/receipts';
import { chance } from './chance';
import type { WebhookSettings } from './webhookSettings';

/** A configured share of received messages is reported delivered at once, and a share of those read. */
export function autoReceipts(state: EmulatorState, settings: WebhookSettings, record: DeliveryRecord): void {
	const subscriber = state.subscribers.get(record.pageId, record.psid);
	if (!subscriber || !chance(state.random, settings.autoDeliveryPercent)) return;
	reportDelivered(state, subscriber);
	if (chance(state.random, settings.autoReadPercent)) reportRead(state, subscriber);
}
