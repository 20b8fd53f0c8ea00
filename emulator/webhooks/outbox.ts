import type { MessagingEvent } from '../fixtures/inboundEvents';

/**
 * Webhooks waiting to go out, per app: the open batch that events join until its window ends or
 * it is full, and the closed POST bodies waiting for their (next) attempt. Times are emulator clock.
 */

export interface QueuedEvent {
	id: number;
	pageId: string;
	field: string;
	messaging: MessagingEvent;
	/** Goes out in the entry's `changes[]` rather than `messaging[]` (docs/meta-platform.md §3.5). */
	inChanges?: boolean;
}

interface OpenBatch {
	events: QueuedEvent[];
	closesAt: number;
}

export interface PendingDelivery {
	id: number;
	appId: string;
	body: string;
	signature: string;
	eventIds: number[];
	pageIds: string[];
	fields: string[];
	/** Attempts made so far, retries and duplicates included. */
	attempts: number;
	/** Failed attempts in a row: picks the next retry delay. */
	failures: number;
	nextAttemptAt: number;
	inFlight: boolean;
	/** Delivered; the only attempt left, if any, is a duplicate. */
	delivered: boolean;
	duplicatePending: boolean;
}

export class Outbox {
	private readonly batches = new Map<string, OpenBatch>();
	private readonly deliveries = new Map<number, PendingDelivery>();
	private nextId = 1;

	/** Adds an event to the app's open batch; answers the batch's events when that filled it. */
	addEvent(appId: string, event: QueuedEvent, now: number, windowMs: number, maxEvents: number): QueuedEvent[] | undefined {
		const batch = this.batches.get(appId) ?? { events: [], closesAt: now + windowMs };
		batch.events.push(event);
		this.batches.set(appId, batch);
		return batch.events.length >= maxEvents ? this.closeBatch(appId) : undefined;
	}

	closeBatch(appId: string): QueuedEvent[] {
		const events = this.batches.get(appId)?.events ?? [];
		this.batches.delete(appId);
		return events;
	}

	/** Apps whose batch window is over (all of them when `all`). */
	batchesDue(now: number, all: boolean): string[] {
		return [...this.batches].filter(([, batch]) => all || batch.closesAt <= now).map(([appId]) => appId);
	}

	addDelivery(delivery: Omit<PendingDelivery, 'id' | 'attempts' | 'failures' | 'inFlight' | 'delivered' | 'duplicatePending'>): PendingDelivery {
		const stored: PendingDelivery = { id: this.nextId++, attempts: 0, failures: 0, inFlight: false, delivered: false, duplicatePending: false, ...delivery };
		this.deliveries.set(stored.id, stored);
		return stored;
	}

	removeDelivery(id: number): void {
		this.deliveries.delete(id);
	}

	/** Deliveries whose next attempt is due and not already under way. */
	deliveriesDue(now: number): PendingDelivery[] {
		return [...this.deliveries.values()].filter((delivery) => !delivery.inFlight && delivery.nextAttemptAt <= now);
	}

	/** Drops an app's open batch and waiting deliveries; answers how many deliveries went. */
	dropApp(appId: string): number {
		this.batches.delete(appId);
		const dropped = [...this.deliveries.values()].filter((delivery) => delivery.appId === appId && !delivery.inFlight);
		for (const delivery of dropped) this.deliveries.delete(delivery.id);
		return dropped.length;
	}

	pendingFor(appId: string): PendingDelivery[] {
		return [...this.deliveries.values()].filter((delivery) => delivery.appId === appId);
	}

	/** The earliest time something becomes due: a batch closing or an attempt. */
	nextDueAt(): number | undefined {
		const times = [
			...[...this.batches.values()].map((batch) => batch.closesAt),
			...[...this.deliveries.values()].filter((delivery) => !delivery.inFlight).map((delivery) => delivery.nextAttemptAt),
		];
		return times.length === 0 ? undefined : Math.min(...times);
	}

	clear(): void {
		this.batches.clear();
		this.deliveries.clear();
	}
}
