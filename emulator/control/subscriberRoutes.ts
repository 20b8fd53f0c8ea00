import { regionCode } from '../core/regions';
import type { EmulatorState } from '../state/emulatorState';
import { reportDelivered, reportRead } from '../state/receipts';
import {
	subscriberInteracts,
	subscriberOptsIn,
	subscriberSetsMarketing,
	subscriberTapsNotifyMe,
	type SubscriberInteraction,
} from '../state/subscriberActions';
import type { SubscriberRecord } from '../state/subscribers';
import type { MarketingTokenRecord, TokenType } from '../state/tokens';
import { optionalString, requiredString } from './bodyFields';
import { badRequest, ControlError, notFound } from './controlError';
import { route, type ControlRoute } from './controlRoute';
import type { NotifyMeResult } from './controlTypes';
import { tokenView } from './views';

/** Simulated subscribers: create them, make them write, tap, opt in, stop, resume and report receipts. */

function pageOf(state: EmulatorState, pageId: string): string {
	if (!state.directory.page(pageId)) throw notFound(`page ${pageId} does not exist`);
	return pageId;
}

function subscriberOf(state: EmulatorState, pageId: string, psid: string): SubscriberRecord {
	const subscriber = state.subscribers.get(pageOf(state, pageId), psid);
	if (!subscriber) throw notFound(`subscriber ${psid} does not exist on page ${pageId}`);
	return subscriber;
}

/** A profile name: a string, null for none, or absent for the default. */
function profileName(body: Record<string, unknown>, name: string): string | null | undefined {
	return body[name] === null ? null : optionalString(body, name);
}

function interaction(body: Record<string, unknown>): SubscriberInteraction {
	const kind = body.kind ?? 'message';
	const title = optionalString(body, 'title');
	if (kind === 'message') return { kind, text: optionalString(body, 'text') };
	if (kind === 'quick_reply' || kind === 'postback') return { kind, title, payload: requiredString(body, 'payload') };
	throw badRequest('kind must be message, quick_reply or postback');
}

function marketingTokens(state: EmulatorState, pageId: string, body: Record<string, unknown>): MarketingTokenRecord[] {
	const all = state.tokens.listForPage(pageOf(state, pageId)).filter((token): token is MarketingTokenRecord => token.type === 'marketing');
	const token = optionalString(body, 'token');
	const found = token !== undefined ? all.filter((record) => record.token === token) : all.filter((record) => record.psid === requiredString(body, 'psid') && record.title === requiredString(body, 'title'));
	if (found.length === 0) throw notFound('no marketing token matches');
	return found;
}

export const subscriberRoutes: ControlRoute[] = [
	route('GET', '/pages/:pageId/subscribers', (state, { params }) => state.subscribers.list(pageOf(state, params[0]))),

	route('POST', '/pages/:pageId/subscribers', (state, { params, body }) => {
		const pageId = pageOf(state, params[0]);
		try {
			const region = optionalString(body, 'region');
			return state.subscribers.create(
				pageId,
				{ psid: optionalString(body, 'psid'), name: optionalString(body, 'name'), region: region && regionCode(region), firstName: profileName(body, 'firstName'), lastName: profileName(body, 'lastName') },
				state.clock.now(),
			);
		} catch (error) {
			throw new ControlError(409, (error as Error).message);
		}
	}),

	route('GET', '/pages/:pageId/subscribers/:psid', (state, { params }) => subscriberOf(state, params[0], params[1])),

	// Whether the Page may read its subscribers' profiles: off, the User Profile API answers 100/33.
	route('PUT', '/pages/:pageId/profile-access', (state, { params, body }) => {
		const page = state.directory.page(pageOf(state, params[0]))!;
		if (typeof body.allowed !== 'boolean') throw badRequest('allowed must be true or false');
		page.profileAccess = body.allowed;
		return { pageId: page.pageId, profileAccess: page.profileAccess };
	}),

	// A message, quick reply or postback from the subscriber: opens the 24-hour window.
	route('POST', '/pages/:pageId/subscribers/:psid/interactions', (state, { params, body }) =>
		subscriberInteracts(state, subscriberOf(state, params[0], params[1]), interaction(body)),
	),

	// Notify Me on the last opt-in request received: a fresh token each tap (docs/meta-platform.md §1.4, §2.3).
	route('POST', '/pages/:pageId/subscribers/:psid/notify-me', (state, { params }): NotifyMeResult => {
		const tapped = subscriberTapsNotifyMe(state, subscriberOf(state, params[0], params[1]));
		if (!tapped) throw new ControlError(409, 'the subscriber has received no opt-in request to tap');
		return { token: tokenView(tapped.token, state.clock.now()), event: tapped.event };
	}),

	// The subscriber's Messenger reports delivery or read of everything received up to now.
	route('POST', '/pages/:pageId/subscribers/:psid/receipts', (state, { params, body }) => {
		const subscriber = subscriberOf(state, params[0], params[1]);
		if (body.kind !== 'delivery' && body.kind !== 'read') throw badRequest('kind must be delivery or read');
		const delivered = body.kind === 'delivery' ? reportDelivered(state, subscriber) : undefined;
		const events = body.kind === 'read' ? reportRead(state, subscriber) : delivered ? [delivered] : [];
		if (events.length === 0) throw new ControlError(409, `nothing received since the last ${body.kind} report`);
		return events;
	}),

	// The subscriber accepted an opt-in: issue the token directly.
	route('POST', '/pages/:pageId/tokens', (state, { params, body }) => {
		const subscriber = subscriberOf(state, params[0], requiredString(body, 'psid'));
		const type = body.type;
		if (type !== 'one_time' && type !== 'marketing') throw badRequest('type must be one_time or marketing');
		const { token } = subscriberOptsIn(state, {
			pageId: subscriber.pageId,
			psid: subscriber.psid,
			type: type as TokenType,
			payload: optionalString(body, 'payload'),
			title: optionalString(body, 'title'),
			timezone: optionalString(body, 'timezone'),
		});
		return tokenView(token, state.clock.now());
	}),

	route('GET', '/pages/:pageId/tokens', (state, { params }) => {
		const now = state.clock.now();
		return state.tokens.listForPage(pageOf(state, params[0])).map((token) => tokenView(token, now));
	}),

	route('POST', '/pages/:pageId/marketing/:action', (state, { params, body }) => {
		const action = params[1];
		if (action !== 'stop' && action !== 'resume') throw notFound('use /marketing/stop or /marketing/resume');
		const tokens = marketingTokens(state, params[0], body);
		for (const token of tokens) subscriberSetsMarketing(state, token, action);
		const now = state.clock.now();
		return tokens.map((token) => tokenView(token, now));
	}),
];
