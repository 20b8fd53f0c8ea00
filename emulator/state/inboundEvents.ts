import type { MessagingEvent } from '../fixtures/inboundEvents';

/**
 * What subscribers did, in order: the queue the webhook side reads (by polling after an id, or
 * by subscribing) to deliver signed webhooks.
 */

export type InboundEventKind =
	| 'message'
	| 'quick_reply'
	| 'postback'
	| 'optin'
	| 'marketing_stop'
	| 'marketing_resume'
	| 'delivery'
	| 'read'
	// The paid Marketing Message API's receipts (docs/meta-platform.md §3.5).
	| 'marketing_message_delivery'
	| 'marketing_message_read'
	| 'marketing_message_click'
	| 'marketing_message_delivery_failed';

export interface InboundEvent {
	id: number;
	pageId: string;
	psid: string;
	kind: InboundEventKind;
	/** Emulator clock, ms. */
	at: number;
	/**
	 * The event as the webhook carries it: one entry of `messaging[]` (docs/meta-platform.md §5.2), or, when
	 * `inChanges`, one entry of `changes[]`: the paid API's flat `{ field, ... }` objects (§3.5).
	 */
	messaging: MessagingEvent;
	inChanges?: boolean;
}

export type InboundEventListener = (event: InboundEvent) => void;

export class InboundEventQueue {
	private readonly events: InboundEvent[] = [];
	private readonly listeners = new Set<InboundEventListener>();
	private nextId = 1;

	push(event: Omit<InboundEvent, 'id'>): InboundEvent {
		const stored: InboundEvent = { id: this.nextId++, ...event };
		this.events.push(stored);
		// A failing listener must not undo what the subscriber did.
		for (const listener of this.listeners) {
			try {
				listener(stored);
			} catch (error) {
				console.error('inbound event listener failed:', error);
			}
		}
		return stored;
	}

	list(filter: { pageId?: string; afterId?: number } = {}): InboundEvent[] {
		return this.events.filter(
			(event) => (filter.pageId === undefined || event.pageId === filter.pageId) && (filter.afterId === undefined || event.id > filter.afterId),
		);
	}

	subscribe(listener: InboundEventListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	clear(): void {
		this.events.length = 0;
	}
}
