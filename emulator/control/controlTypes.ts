/** Shapes of the control API, shared by the server and the typed client. */

import type { FaultRule, FaultRuleInput } from '../load/faults';
import type { CallStatsSnapshot } from '../load/callStats';
import type { LatencySetting } from '../load/latency';
import type { AttachmentView } from '../state/attachments';
import type { DeliveryFilter, DeliveryRecord, DeliveryVia } from '../state/deliveries';
import type { AppWithPages, PageRecord } from '../state/directory';
import type { InboundEvent, InboundEventKind } from '../state/inboundEvents';
import type { SubscriberInteraction } from '../state/subscriberActions';
import type { OptInRequestRecord, SubscriberRecord } from '../state/subscribers';
import type { MarketingTokenRecord, OneTimeTokenRecord, TokenType } from '../state/tokens';
import type { AppSubscription, SubscribedField } from '../state/webhookSubscriptions';
import type { AttemptFailure, WebhookAlert, WebhookAlertKind, WebhookAttempt } from '../webhooks/deliveryLog';
import type { WebhookSettings } from '../webhooks/webhookSettings';

export type {
	AppSubscription,
	AppWithPages,
	AttachmentView,
	AttemptFailure,
	CallStatsSnapshot,
	DeliveryFilter,
	DeliveryRecord,
	DeliveryVia,
	FaultRule,
	FaultRuleInput,
	InboundEvent,
	InboundEventKind,
	LatencySetting,
	OptInRequestRecord,
	PageRecord,
	SubscriberInteraction,
	SubscribedField,
	SubscriberRecord,
	TokenType,
	WebhookAlert,
	WebhookAlertKind,
	WebhookAttempt,
	WebhookSettings,
};

export interface CreateAppInput {
	appId?: string;
	appSecret?: string;
	requireAppSecretProof?: boolean;
	pages?: CreatePageInput[];
}

export interface CreatePageInput {
	pageId?: string;
	pageToken?: string;
	name?: string;
}

export interface CreateSubscriberInput {
	psid?: string;
	name?: string;
	/** The User Profile API's first_name and last_name; by default the first word of the name and the rest. Null: the profile has none. */
	firstName?: string | null;
	lastName?: string | null;
	/** ISO code, default US: the paid API reaches some regions only (docs/meta-platform.md §3.1). */
	region?: string;
}

export interface IssueTokenRequest {
	psid: string;
	type: TokenType;
	/** The opt-in request's payload: the topic the subscriber asked about. */
	payload?: string;
	title?: string;
	/** Marketing tokens only; default UTC. */
	timezone?: string;
}

/** Where a token stands now, on the emulator clock. */
export type TokenStatus = 'available' | 'used' | 'expired' | 'stopped' | 'cooling_down';

export type TokenView = (OneTimeTokenRecord | MarketingTokenRecord) & { status: TokenStatus };

/** Stop or resume marketing: one token, or every token of a subscriber on one topic title. */
export type MarketingSelector = { token: string } | { psid: string; title: string };

export interface ClockView {
	now: number;
	nowIso: string;
	offsetMs: number;
}

export interface RateLimitInput {
	perSecond?: number;
	mediaPerSecond?: number;
	pageId?: string;
}

/** A Page's Messenger budget over 24 hours and how much of it is used (null for the default of all Pages). */
export interface PageBudgetView {
	pageId: string | null;
	callsPer24h: number;
	callCountPercent: number | null;
	regainAccessMinutes: number | null;
}

export interface RateLimitView {
	perSecond: number;
	mediaPerSecond: number;
	pageId: string | null;
}

export interface LatencyInput extends Partial<LatencySetting> {
	pageId?: string;
}

export interface SettingsView {
	marketingCooldownMs: number;
}

/** A Notify Me tap: the fresh token and the messaging_optins event it produced. */
export interface NotifyMeResult {
	token: TokenView;
	event: InboundEvent;
}

/** What the subscriber's Messenger reports: `delivery`, or `read` (which reports delivery first). */
export type ReceiptKind = 'delivery' | 'read';

/** One app's webhook side: its subscription, the Pages it is subscribed to, its failure state. */
export interface WebhookAppState {
	appId: string;
	/** Null when the app has no subscription; `active` false once disabled after an hour of failures. */
	subscription: AppSubscription | null;
	pages: { pageId: string; fields: string[] }[];
	/** Emulator clock of the first failure since the last 200; null when healthy. */
	failingSince: number | null;
	/** When the 15-minute alert was raised in the current streak. */
	alertedAt: number | null;
	disabledAt: number | null;
	/** POST bodies still waiting for an attempt, a retry or a duplicate. */
	pendingDeliveries: number;
}

export interface WebhookLogFilter {
	appId?: string;
	/** Only attempts with a greater id. */
	afterId?: number;
}

export interface WebhookLogView {
	attempts: WebhookAttempt[];
	alerts: WebhookAlert[];
	apps: WebhookAppState[];
}

export interface WebhookStateFilter {
	appId?: string;
	/** Only the app that owns this Page, with only this Page. */
	pageId?: string;
}

/** A Page as the emulator's web page lists it: no token, no app secret. */
export interface PageSummary {
	pageId: string;
	name: string;
	appId: string;
}

/** One line of a subscriber's conversation: something the subscriber did, or a message the Page sent. */
export type ConversationEntry = { from: 'subscriber'; at: number; event: InboundEvent } | { from: 'page'; at: number; delivery: DeliveryRecord };

/** What the subscriber sees in Messenger, oldest first; receipts are left out. */
export interface ConversationView {
	subscriber: SubscriberRecord;
	entries: ConversationEntry[];
}
