import axios, { type AxiosInstance } from 'axios';

import type {
	AppWithPages,
	AttachmentView,
	CallStatsSnapshot,
	ClockView,
	ConversationView,
	CreateAppInput,
	CreatePageInput,
	CreateSubscriberInput,
	DeliveryFilter,
	DeliveryRecord,
	FaultRule,
	FaultRuleInput,
	InboundEvent,
	IssueTokenRequest,
	LatencyInput,
	LatencySetting,
	MarketingSelector,
	NotifyMeResult,
	PageRecord,
	PageSummary,
	PageBudgetView,
	RateLimitView,
	SettingsView,
	SubscriberInteraction,
	SubscriberRecord,
	TokenView,
	WebhookAppState,
	WebhookAttempt,
	WebhookLogFilter,
	WebhookLogView,
	WebhookSettings,
	WebhookStateFilter,
} from './control/controlTypes';

import { PaidApiControl } from './paidApiClient';

export type * from './control/controlTypes';
export type * from './control/paidApiTypes';

/** Typed client of the emulator's control API (`/_emulator/*`), for tests, scripts and benchmarks. */
export class EmulatorClient {
	readonly http: AxiosInstance;
	/** The paid Marketing Message API's side: ad accounts, system users, campaigns, paid receipts. */
	readonly paid: PaidApiControl;

	/** `baseUrl` is the emulator's url, e.g. `http://127.0.0.1:41234`. */
	constructor(baseUrl: string) {
		this.http = axios.create({ baseURL: `${baseUrl.replace(/\/$/, '')}/_emulator`, timeout: 10_000 });
		this.paid = new PaidApiControl(this.http);
	}

	/** Back to the apps and settings the emulator started with. */
	async reset(): Promise<void> {
		await this.post('/reset');
	}

	apps(): Promise<AppWithPages[]> {
		return this.get('/apps');
	}

	/** Without `pages`, the new app gets one generated Page. */
	createApp(input: CreateAppInput = {}): Promise<AppWithPages> {
		return this.post('/apps', input);
	}

	createPage(appId: string, input: CreatePageInput = {}): Promise<PageRecord> {
		return this.post(`/apps/${encodeURIComponent(appId)}/pages`, input);
	}

	/** Every Page with its app, without tokens or secrets (what the web page lists). */
	pages(): Promise<PageSummary[]> {
		return this.get('/pages');
	}

	subscribers(pageId: string): Promise<SubscriberRecord[]> {
		return this.get(`${pagePath(pageId)}/subscribers`);
	}

	createSubscriber(pageId: string, input: CreateSubscriberInput = {}): Promise<SubscriberRecord> {
		return this.post(`${pagePath(pageId)}/subscribers`, input);
	}

	/** Whether the Page may read its subscribers' profiles (User Profile API); off, Meta answers 100/33. */
	setProfileAccess(pageId: string, allowed: boolean): Promise<{ pageId: string; profileAccess: boolean }> {
		return this.send('put', `${pagePath(pageId)}/profile-access`, { allowed });
	}

	subscriber(pageId: string, psid: string): Promise<SubscriberRecord> {
		return this.get(subscriberPath(pageId, psid));
	}

	/** What the subscriber sees: their messages, taps and opt-ins and the Page's messages, oldest first. */
	conversation(pageId: string, psid: string): Promise<ConversationView> {
		return this.get(`${subscriberPath(pageId, psid)}/conversation`);
	}

	/** A message, quick reply or postback from the subscriber (opens the 24-hour window). */
	interact(pageId: string, psid: string, interaction: SubscriberInteraction = { kind: 'message' }): Promise<InboundEvent> {
		return this.post(`${subscriberPath(pageId, psid)}/interactions`, interaction);
	}

	sendsMessage(pageId: string, psid: string, text?: string): Promise<InboundEvent> {
		return this.interact(pageId, psid, { kind: 'message', text });
	}

	tapsPostback(pageId: string, psid: string, payload: string, title?: string): Promise<InboundEvent> {
		return this.interact(pageId, psid, { kind: 'postback', payload, title });
	}

	tapsQuickReply(pageId: string, psid: string, payload: string, title?: string): Promise<InboundEvent> {
		return this.interact(pageId, psid, { kind: 'quick_reply', payload, title });
	}

	/** The subscriber opted in: the token, as the opt-in webhook would carry it. */
	issueToken(pageId: string, request: IssueTokenRequest): Promise<TokenView> {
		return this.post(`${pagePath(pageId)}/tokens`, request);
	}

	/** Taps Notify Me on the last opt-in request the subscriber received: a fresh token and its opt-in webhook. */
	tapsNotifyMe(pageId: string, psid: string): Promise<NotifyMeResult> {
		return this.post(`${subscriberPath(pageId, psid)}/notify-me`);
	}

	/** The subscriber's Messenger reports delivery of everything received since the last report (409 when nothing is new). */
	reportsDelivered(pageId: string, psid: string): Promise<InboundEvent[]> {
		return this.post(`${subscriberPath(pageId, psid)}/receipts`, { kind: 'delivery' });
	}

	/** Reports everything received as read; unreported deliveries are reported first (409 when nothing is new). */
	reportsRead(pageId: string, psid: string): Promise<InboundEvent[]> {
		return this.post(`${subscriberPath(pageId, psid)}/receipts`, { kind: 'read' });
	}

	tokens(pageId: string): Promise<TokenView[]> {
		return this.get(`${pagePath(pageId)}/tokens`);
	}

	/** "Stop these messages": also sends the messaging_optins webhook with notification_messages_status. */
	stopMarketing(pageId: string, selector: MarketingSelector): Promise<TokenView[]> {
		return this.post(`${pagePath(pageId)}/marketing/stop`, selector);
	}

	/** Resumes marketing messages, with its messaging_optins webhook. */
	resumeMarketing(pageId: string, selector: MarketingSelector): Promise<TokenView[]> {
		return this.post(`${pagePath(pageId)}/marketing/resume`, selector);
	}

	/** Ground truth: what subscribers received, whatever the callers heard. */
	deliveries(filter: DeliveryFilter = {}): Promise<DeliveryRecord[]> {
		return this.get('/deliveries', filter);
	}

	/** Ground truth: the files Pages uploaded through the Attachment Upload API, bytes in base64. */
	attachments(filter: { pageId?: string } = {}): Promise<AttachmentView[]> {
		return this.get('/attachments', filter);
	}

	events(filter: { pageId?: string; afterId?: number } = {}): Promise<InboundEvent[]> {
		return this.get('/events', filter);
	}

	stats(): Promise<CallStatsSnapshot> {
		return this.get('/stats');
	}

	resetStats(): Promise<CallStatsSnapshot> {
		return this.send('delete', '/stats');
	}

	/** Calls per second of one Page, or of every Page without its own limit. */
	setRateLimit(perSecond: number, pageId?: string): Promise<RateLimitView> {
		return this.send('put', '/rate-limit', { perSecond, pageId });
	}

	/** A Page's Messenger budget over 24 hours: 200 calls per engaged user, or callsPer24h outright. */
	setPageBudget(input: { engagedUsers?: number; callsPer24h?: number; pageId?: string }): Promise<PageBudgetView> {
		return this.send('put', '/budget', input);
	}

	pageBudget(pageId: string): Promise<PageBudgetView> {
		return this.get('/budget', { pageId });
	}

	/** Audio and video sends per second (docs/meta-platform.md §4.6: 10), on top of the Page limit. */
	setMediaRateLimit(mediaPerSecond: number, pageId?: string): Promise<RateLimitView> {
		return this.send('put', '/rate-limit', { mediaPerSecond, pageId });
	}

	setLatency(input: LatencyInput): Promise<{ global: LatencySetting; pages: Record<string, LatencySetting> }> {
		return this.send('put', '/latency', input);
	}

	addFault(input: FaultRuleInput): Promise<FaultRule> {
		return this.post('/faults', input);
	}

	faults(): Promise<FaultRule[]> {
		return this.get('/faults');
	}

	async clearFaults(): Promise<void> {
		await this.send('delete', '/faults');
	}

	setSeed(seed: number): Promise<{ seed: number }> {
		return this.send('put', '/seed', { seed });
	}

	clock(): Promise<ClockView> {
		return this.get('/clock');
	}

	advanceClock(advanceMs: number): Promise<ClockView> {
		return this.post('/clock', { advanceMs });
	}

	settings(): Promise<SettingsView> {
		return this.get('/settings');
	}

	setSettings(settings: SettingsView): Promise<SettingsView> {
		return this.send('put', '/settings', settings);
	}

	webhookSettings(): Promise<WebhookSettings> {
		return this.get('/webhooks/settings');
	}

	/** Only the settings given change. */
	setWebhookSettings(changes: Partial<WebhookSettings>): Promise<WebhookSettings> {
		return this.send('put', '/webhooks/settings', changes);
	}

	/** Every attempt (status, response code, time, duplicate), the alerts, and each app's state. */
	webhookLog(filter: WebhookLogFilter = {}): Promise<WebhookLogView> {
		return this.get('/webhooks/log', filter);
	}

	/** Closes open batches and runs every due attempt now, retries included; resolves with the attempts made. */
	async runDueWebhooks(): Promise<WebhookAttempt[]> {
		// Attempts that time out take the webhook time-out each, so this may outlast the usual 10 s.
		return (await this.http.post<WebhookAttempt[]>('/webhooks/run-due', {}, { timeout: 120_000 })).data;
	}

	/** Each app's subscription, the Pages it is subscribed to, and its failure state. */
	webhookSubscriptions(filter: WebhookStateFilter = {}): Promise<WebhookAppState[]> {
		return this.get('/webhooks/subscriptions', filter);
	}

	private async get<T>(path: string, params?: object): Promise<T> {
		return (await this.http.get<T>(path, { params })).data;
	}

	private post<T>(path: string, body?: unknown): Promise<T> {
		return this.send('post', path, body);
	}

	/** Always a JSON body: the emulator refuses control API changes of any other content type. */
	private async send<T>(method: 'post' | 'put' | 'delete', path: string, body: unknown = {}): Promise<T> {
		return (await this.http.request<T>({ method, url: path, data: body })).data;
	}
}

function pagePath(pageId: string): string {
	return `/pages/${encodeURIComponent(pageId)}`;
}

function subscriberPath(pageId: string, psid: string): string {
	return `${pagePath(pageId)}/subscribers/${encodeURIComponent(psid)}`;
}
