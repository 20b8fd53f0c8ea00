import { EmulatorClock } from '../core/clock';
import { SeededRandom } from '../core/seededRandom';
import type { EmulatorAppConfig } from '../config';
import { CallStats } from '../load/callStats';
import { FaultInjector } from '../load/faults';
import { Listeners } from '../core/listeners';
import { Latency } from '../load/latency';
import { PageBudget } from '../load/pageBudget';
import { RateLimiter } from '../load/rateLimiter';
import { Attachments } from './attachments';
import { Deliveries } from './deliveries';
import { Directory } from './directory';
import { InboundEventQueue } from './inboundEvents';
import { PaidApiState, type PaidApiConfig } from './paid/paidApiState';
import { Subscribers } from './subscribers';
import { Tokens } from './tokens';
import { WebhookSubscriptions } from './webhookSubscriptions';

/**
 * Everything one running emulator holds; `reset()` brings it back to how it started. The webhook
 * side is not part of it: it listens to the news state tells (events, deliveries, the clock,
 * subscriptions, resets), so state never depends on how webhooks go out.
 */

export interface EmulatorSettings {
	marketingCooldownMs: number;
}

export interface InitialState {
	apps: EmulatorAppConfig[];
	rateLimitPerSecond: number;
	mediaRateLimitPerSecond: number;
	marketingCooldownMs: number;
	seed: number;
	paid: PaidApiConfig;
}

export class EmulatorState {
	readonly clock = new EmulatorClock();
	readonly random: SeededRandom;
	readonly directory = new Directory();
	readonly subscribers = new Subscribers();
	readonly tokens = new Tokens();
	readonly deliveries = new Deliveries();
	/** Files Pages saved through the Attachment Upload API, by attachment id. */
	readonly attachments = new Attachments();
	readonly events = new InboundEventQueue();
	readonly rateLimiter: RateLimiter;
	/** The tighter limit for audio and video sends, on top of the Page limit. */
	readonly mediaRateLimiter: RateLimiter;
	/** Each Page's Messenger budget over 24 hours (X-Business-Use-Case-Usage, 80006). */
	readonly pageBudget = new PageBudget();
	readonly stats = new CallStats();
	readonly latency = new Latency();
	readonly faults = new FaultInjector();
	/** Who receives webhooks: app subscriptions and the apps subscribed to each Page (docs/meta-platform.md §5.5). */
	readonly subscriptions = new WebhookSubscriptions();
	/** Ad accounts, system users, campaigns and paid messages (docs/meta-platform.md §3). */
	readonly paid: PaidApiState;
	settings: EmulatorSettings;
	private readonly wasReset = new Listeners();

	constructor(private readonly initial: InitialState) {
		this.random = new SeededRandom(initial.seed);
		this.rateLimiter = new RateLimiter(initial.rateLimitPerSecond);
		this.mediaRateLimiter = new RateLimiter(initial.mediaRateLimitPerSecond);
		this.settings = { marketingCooldownMs: initial.marketingCooldownMs };
		for (const app of initial.apps) this.directory.addAppWithPages(app);
		this.paid = new PaidApiState(initial.paid);
	}

	/** Back to the apps and settings the emulator started with; every other record is dropped. */
	reset(): void {
		this.clock.reset();
		this.random.reseed(this.initial.seed);
		this.directory.clear();
		for (const app of this.initial.apps) this.directory.addAppWithPages(app);
		this.subscribers.clear();
		this.tokens.clear();
		this.deliveries.clear();
		this.attachments.clear();
		this.events.clear();
		this.rateLimiter.reset(this.initial.rateLimitPerSecond);
		this.mediaRateLimiter.reset(this.initial.mediaRateLimitPerSecond);
		this.pageBudget.reset();
		this.stats.clear();
		this.latency.reset();
		this.faults.clear();
		this.settings = { marketingCooldownMs: this.initial.marketingCooldownMs };
		this.subscriptions.clear();
		this.paid.reset();
		this.wasReset.tell();
	}

	/** For whoever keeps records beside state (the webhook side): drop them too. */
	onReset(listener: () => void): () => void {
		return this.wasReset.add(listener);
	}
}
