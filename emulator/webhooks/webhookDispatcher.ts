import { performance } from 'perf_hooks';

import { pageWebhookBody } from '../fixtures/webhookBodies';
import type { EmulatorState } from '../state/emulatorState';
import type { InboundEvent } from '../state/inboundEvents';
import { AppHealthBook, type HealthRule } from './appHealth';
import { autoReceipts } from './autoReceipts';
import { CallbackHttp, type CallbackOutcome } from './callbackHttp';
import { chance } from './chance';
import { DeliveryLog, type WebhookAttempt } from './deliveryLog';
import { Outbox, type PendingDelivery, type QueuedEvent } from './outbox';
import { signedBody } from './signedBody';
import { verifyCallback } from './verificationHandshake';
import { fieldOfEvent } from './webhookFields';
import { attemptRecord, isDelivered, postWebhook, type SentAttempt } from './webhookPost';
import { mergeWebhookSettings, type WebhookSettings } from './webhookSettings';

/**
 * Sends what subscribers do to the apps subscribed to it (docs/meta-platform.md §5): each event joins its app's
 * open batch, a closed batch becomes one signed POST body, and that body is attempted until a 200,
 * with retries on the emulator clock, the 15-minute alert and the 1-hour disablement (§5.4).
 * Every due thing runs when its time comes: a timer for real time, and at once when the clock
 * is moved forward or `runDue()` is called.
 */
export class WebhookDispatcher {
	readonly http = new CallbackHttp();
	readonly log = new DeliveryLog();
	readonly health = new AppHealthBook();
	private readonly outbox = new Outbox();
	private readonly inFlight = new Set<Promise<void>>();
	private current: WebhookSettings;
	private timer: NodeJS.Timeout | undefined;
	private stopped = false;
	/** Bumped by reset(), so answers to attempts made before it are ignored. */
	private generation = 0;
	private readonly detach: (() => void)[];

	constructor(
		private readonly state: EmulatorState,
		private readonly initialSettings: WebhookSettings,
	) {
		this.current = initialSettings;
		this.detach = [
			state.events.subscribe((event) => this.onEvent(event)),
			state.deliveries.onAdd((record) => autoReceipts(state, this.current, record)),
			state.clock.onAdvance(() => this.pump()),
			state.subscriptions.onAppChange(({ appId, subscribed }) => (subscribed ? this.resubscribed(appId) : this.unsubscribed(appId))),
			state.onReset(() => this.reset()),
		];
	}

	get settings(): WebhookSettings {
		return this.current;
	}

	updateSettings(changes: Record<string, unknown>): WebhookSettings {
		this.current = mergeWebhookSettings(this.current, changes);
		this.schedule();
		return this.current;
	}

	/** The §5.1 handshake with the configured time-out: undefined when it passed, else why not. */
	verify(callbackUrl: string, verifyToken: string): Promise<string | undefined> {
		return verifyCallback(this.http, callbackUrl, verifyToken, this.current.timeoutMs);
	}

	/** A newly verified subscription starts with no failure streak. */
	private resubscribed(appId: string): void {
		this.health.forget(appId);
	}

	/** The app removed its subscription: waiting bodies go, and so does its failure streak. */
	private unsubscribed(appId: string): void {
		this.outbox.dropApp(appId);
		this.health.forget(appId);
		this.schedule();
	}

	pendingCount(appId: string): number {
		return this.outbox.pendingFor(appId).length;
	}

	/** Closes every open batch, runs every due attempt and waits for all of them; answers the attempts made. */
	async runDue(): Promise<WebhookAttempt[]> {
		const before = this.log.lastId;
		this.pump(true);
		while (this.inFlight.size > 0) {
			await Promise.all([...this.inFlight]);
			this.pump(true);
		}
		return this.log.listAttempts(undefined, before);
	}

	private reset(): void {
		this.generation += 1;
		this.outbox.clear();
		this.log.clear();
		this.health.clear();
		this.current = this.initialSettings;
		this.schedule();
	}

	stop(): void {
		this.stopped = true;
		clearTimeout(this.timer);
		for (const detach of this.detach) detach();
		this.http.abortAll();
	}

	private onEvent(event: InboundEvent): void {
		const field = fieldOfEvent(event.kind);
		const now = this.state.clock.now();
		for (const { appId } of this.state.subscriptions.pageApps(event.pageId)) {
			if (!this.state.subscriptions.delivers(appId, event.pageId, field)) continue;
			const queued: QueuedEvent = { id: event.id, pageId: event.pageId, field, messaging: event.messaging, inChanges: event.inChanges };
			const full = this.outbox.addEvent(appId, queued, now, this.current.batchWindowMs, this.current.maxEventsPerPost);
			if (full) this.toDelivery(appId, full, now);
		}
		this.pump();
	}

	/** Everything due now: health rules first (strictest: an hour of failures disables before any overdue retry), then batches, then attempts. */
	private pump(closeAllBatches = false): void {
		if (this.stopped) return;
		const now = this.state.clock.now();
		for (const rule of this.health.due(now)) this.applyRule(rule);
		for (const appId of this.outbox.batchesDue(now, closeAllBatches)) this.toDelivery(appId, this.outbox.closeBatch(appId), now);
		for (const delivery of this.outbox.deliveriesDue(now)) this.attempt(delivery);
		this.schedule();
	}

	private schedule(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		if (this.stopped) return;
		const times = [this.outbox.nextDueAt(), this.health.nextDueAt()].filter((time): time is number => time !== undefined);
		if (times.length === 0) return;
		const delay = Math.min(Math.max(0, Math.min(...times) - this.state.clock.now()), 2 ** 31 - 1);
		this.timer = setTimeout(() => this.pump(), delay);
		this.timer.unref();
	}

	/** Serialize once, sign those bytes: retries and duplicates resend exactly them (§5.3). */
	private toDelivery(appId: string, events: QueuedEvent[], now: number): void {
		const app = this.state.directory.app(appId);
		if (!app || events.length === 0) return;
		const { text, signature } = signedBody(pageWebhookBody(events, now), app.appSecret);
		this.outbox.addDelivery({
			appId,
			body: text,
			signature,
			eventIds: events.map((event) => event.id),
			pageIds: [...new Set(events.map((event) => event.pageId))],
			fields: [...new Set(events.map((event) => event.field))],
			nextAttemptAt: now,
		});
	}

	private attempt(delivery: PendingDelivery): void {
		const subscription = this.state.subscriptions.app(delivery.appId);
		// Unsubscribed or disabled since: Meta sends nothing more.
		if (!subscription?.active) return this.outbox.removeDelivery(delivery.id);
		delivery.inFlight = true;
		delivery.attempts += 1;
		const sent: SentAttempt = { at: this.state.clock.now(), started: performance.now(), callbackUrl: subscription.callbackUrl };
		const generation = this.generation;
		const call = postWebhook(this.http, subscription.callbackUrl, delivery, this.current.timeoutMs)
			.then((outcome) => {
				if (generation === this.generation) this.settle(delivery, outcome, sent);
			})
			// A bug here must not become an unhandled rejection that ends the process.
			.catch((error: unknown) => console.error('webhook attempt failed inside the emulator:', error))
			.finally(() => {
				this.inFlight.delete(call);
				this.pump();
			});
		this.inFlight.add(call);
	}

	/** Logs the attempt, then: done, a duplicate to send, or a retry after the next delay. */
	private settle(delivery: PendingDelivery, outcome: CallbackOutcome, sent: SentAttempt): void {
		this.log.addAttempt(attemptRecord(delivery, outcome, sent, performance.now()));
		delivery.inFlight = false;
		// A duplicate is one extra send: whatever its answer, the body was already delivered.
		if (delivery.delivered) return this.outbox.removeDelivery(delivery.id);
		if (isDelivered(outcome)) {
			this.health.succeeded(delivery.appId);
			delivery.delivered = true;
			if (chance(this.state.random, this.current.duplicatePercent)) delivery.nextAttemptAt = this.state.clock.now();
			else this.outbox.removeDelivery(delivery.id);
			return;
		}
		// An attempt that was under way when the app unsubscribed starts no failure streak.
		if (this.state.subscriptions.app(delivery.appId)?.active) this.health.failed(delivery.appId, sent.at);
		const delays = this.current.retryDelaysMs;
		delivery.nextAttemptAt = this.state.clock.now() + delays[Math.min(delivery.failures, delays.length - 1)];
		delivery.failures += 1;
	}

	private applyRule(rule: HealthRule): void {
		this.health.apply(rule);
		const callbackUrl = this.state.subscriptions.app(rule.appId)?.callbackUrl ?? '';
		if (rule.kind === 'alert') {
			this.log.addAlert({ appId: rule.appId, kind: 'webhooks_failing', at: rule.at, callbackUrl, message: 'Webhook deliveries to the callback URL have been failing for 15 minutes' });
			return;
		}
		const pages = this.state.subscriptions.pagesOfApp(rule.appId).map((page) => page.pageId);
		this.state.subscriptions.disable(rule.appId);
		const dropped = this.outbox.dropApp(rule.appId);
		this.log.addAlert({
			appId: rule.appId,
			kind: 'webhooks_disabled',
			at: rule.at,
			callbackUrl,
			message: `Webhooks disabled after 1 hour of failures; the app was unsubscribed from Page(s) ${pages.join(', ') || '(none)'}; ${dropped} undelivered POST(s) dropped`,
		});
	}
}
