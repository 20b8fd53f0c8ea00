/** Shapes of the control API, shared by the server and the typed client. */

import type { FaultRule, FaultRuleInput } from '../load/faults';
import type { CallStatsSnapshot } from '../load/callStats';
import type { LatencySetting } from '../load/latency';
import type { DeliveryFilter, DeliveryRecord, DeliveryVia } from '../state/deliveries';
import type { AppWithPages, PageRecord } from '../state/directory';
import type { InboundEvent, InboundEventKind } from '../state/inboundEvents';
import type { SubscriberInteraction } from '../state/subscriberActions';
import type { OptInRequestRecord, SubscriberRecord } from '../state/subscribers';
import type { MarketingTokenRecord, OneTimeTokenRecord, TokenType } from '../state/tokens';

export type {
	AppWithPages,
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
	SubscriberRecord,
	TokenType,
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
