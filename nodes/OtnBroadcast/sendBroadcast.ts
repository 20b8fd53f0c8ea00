import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { AdaptivePacer } from '../shared/broadcast/adaptivePacer';
import { runBroadcast, type BroadcastOptions, type BroadcastStats, type SendFunction, type SendVerdict } from '../shared/broadcast/broadcastRunner';
import { realClock } from '../shared/broadcast/clock';
import { evenBatchSize } from '../shared/broadcast/evenBatchSize';
import { pageTailOf } from '../shared/broadcast/pageTail';
import { SEND_API_CALLS_PER_SECOND, sendApiLimitFor } from '../shared/broadcast/sendApiLimits';
import { UsageWatch } from '../shared/broadcast/usageWatch';
import { rowAfterVerdict } from '../shared/broadcast/rowAfterVerdict';
import { recipientForRow } from '../shared/broadcast/recipientForRow';
import { classifyGraphError, isBudgetRefusal } from '../shared/graph/errorTable';
import { createGraphClient, type GraphResult } from '../shared/graph/graphClient';
import { createMarketingClient } from '../shared/graph/marketingClient';
import type { PaidMessageRequest } from '../shared/graph/paidMessageRequest';
import type { SendRequest } from '../shared/graph/sendRequest';
import { outputItem } from '../shared/outputItem';
import { SubscriberNames } from '../shared/personalise/subscriberNames';
import { readSubscriberName } from '../shared/personalise/userProfile';
import { PAID_API_MIN_INTERVAL_MS } from '../shared/tokens/paidApiRules';
import { MARKETING_COOLDOWN_MS } from '../shared/tokens/tokenRules';
import type { BroadcastSettings } from './broadcastSettings';
import type { PlannedSend } from './planBroadcast';
import { personaliseSends } from './personaliseSends';
import { preflightPaidApi, preflightSendApi, type PreflightResult } from './preflight';
import { withVariant } from './variants';

export interface SendResults {
	sent: INodeExecutionData[];
	notSent: INodeExecutionData[];
	unconfirmed: number;
	reasons: Record<string, number>;
	stats: BroadcastStats;
}

/** One program's way to Meta: the check of its credential, and the sends. */
export interface BroadcastChannel {
	preflight(): Promise<PreflightResult>;
	send(sends: PlannedSend[], options: BroadcastOptions): Promise<{ verdicts: SendVerdict[]; stats: BroadcastStats }>;
	/** Send API: the subscribers' names for {{first_name}} and the like, read once each, paced with the sends. */
	names?: SubscriberNames;
	/** Paid API: Meta's delivery and cost estimate for a Page's subscribers. */
	estimateDelivery?(pageId: string, targetingSpec: IDataObject): Promise<GraphResult<IDataObject>>;
}

/** A check of the credential refused for a spent budget says when Meta gives access back, as the headers tell it. */
function withTimeOfAccess(result: PreflightResult, usage: UsageWatch): PreflightResult {
	if (result.ok || !isBudgetRefusal(result.failure.error)) return result;
	return { ok: false, failure: { ...result.failure, meaning: usage.spent() ?? result.failure.meaning } };
}

/** The Send API with the Page credential: tokens as recipients, up to 50 in a Graph batch. */
async function sendApiChannel(context: IExecuteFunctions, settings: BroadcastSettings): Promise<BroadcastChannel> {
	// Meta's usage headers, from the check of the credential on: the sends slow down or stop by them.
	const usage = new UsageWatch(realClock);
	const client = await createGraphClient(context, { timeoutMs: settings.timeoutMs, onUsage: usage.observe });
	const send: SendFunction<SendRequest> = async (requests) =>
		requests.length === 1 ? [await client.sendMessage(requests[0])] : await client.sendBatch(requests);
	// Profile lookups are Graph calls on the Page's budget: they take their slots from the sends' pacer.
	// Sends leave at the Send Rate; Meta's own limit per Page (shared by the shards) is the bound.
	const metaLimitShare = (perSecond: number) => perSecond / settings.shardsSharingRate;
	const pacer = new AdaptivePacer(realClock, {
		targetPerSecond: settings.ratePerSecond,
		metaLimitPerSecond: metaLimitShare(SEND_API_CALLS_PER_SECOND),
		usageShare: () => usage.rateShare(),
	});
	const signal = context.getExecutionCancelSignal?.();
	const names = new SubscriberNames(async (_pageId, psid) => {
		if (usage.spent()) return undefined;
		const slot = await pacer.acquire(1, signal);
		try {
			// A rate-limit answer to a lookup slows the sends down too: it is the same Page budget.
			return await readSubscriberName(client, psid, (error) => {
				if (classifyGraphError(error, 'none').errorClass === 'throttled') pacer.throttled();
			});
		} finally {
			slot.settle();
		}
	});
	return {
		preflight: async () => {
			// GET /me is a call with the Page token too. Meta's page on rate limits counts every Page-token call
			// in the Page's budgets and does not say whether the per-Page send rate leaves it out, so the
			// first sends count it in their second (https://developers.facebook.com/docs/graph-api/overview/rate-limiting/).
			const leftAt = realClock.now();
			const checked = await preflightSendApi(client);
			// The Page's previous broadcast in this process (the page before) may have sent in this second.
			if (checked.ok && checked.pageId !== undefined) pacer.continuePageTail(pageTailOf(checked.pageId));
			pacer.countEarlierCall(leftAt, realClock.now());
			return withTimeOfAccess(checked, usage);
		},
		names,
		send: async (sends, options) => {
			const metaLimit = metaLimitShare(sendApiLimitFor(sends.map((planned) => planned.message)));
			pacer.limitMetaCountTo(metaLimit);
			// A batch counts as many calls at once as it holds: never more than Meta's limit (audio and video: 10).
			const batchSize = evenBatchSize(options.batchSize, Math.min(options.ratePerSecond, metaLimit));
			return await runBroadcast(
				sends.map((planned): SendRequest => ({ recipient: recipientForRow(planned.row), message: planned.message })),
				send,
				{ ...options, batchSize, usage, pacer },
			);
		},
	};
}

/** The paid Marketing Message API with the Marketing credential: one call per message, no batches. */
async function paidApiChannel(context: IExecuteFunctions, settings: BroadcastSettings): Promise<BroadcastChannel> {
	const usage = new UsageWatch(realClock);
	const client = await createMarketingClient(context, { timeoutMs: settings.timeoutMs, onUsage: usage.observe });
	const send: SendFunction<PaidMessageRequest> = async (requests) => Promise.all(requests.map((request) => client.sendPaidMessage(request)));
	return {
		preflight: async () => withTimeOfAccess(await preflightPaidApi(client), usage),
		estimateDelivery: async (pageId, targetingSpec) => await client.estimateDelivery(pageId, targetingSpec),
		send: async (sends, options) =>
			await runBroadcast(
				sends.map(
					(planned): PaidMessageRequest => ({
						campaignId: settings.campaign,
						subscriptionToken: planned.row.token,
						message: planned.message,
						minConversationGapSeconds: settings.minConversationGapSeconds,
					}),
				),
				send,
				{ ...options, usage },
			),
	};
}

export async function openBroadcastChannel(context: IExecuteFunctions, settings: BroadcastSettings): Promise<BroadcastChannel> {
	return settings.sendThrough === 'paidApi' ? await paidApiChannel(context, settings) : await sendApiChannel(context, settings);
}

/** Sends the planned messages and turns each verdict into the row to write back. */
export async function sendBroadcast(
	context: IExecuteFunctions,
	channel: BroadcastChannel,
	sends: PlannedSend[],
	settings: BroadcastSettings,
): Promise<SendResults> {
	const options = { ...settings, clock: realClock, signal: context.getExecutionCancelSignal?.() };
	const paid = settings.sendThrough === 'paidApi';
	const personalised = await personaliseSends(sends, channel.names, settings.nameFallback, settings.concurrency);
	const { verdicts, stats } = await channel.send(personalised, options);

	const results: SendResults = { sent: [], notSent: [], unconfirmed: 0, reasons: {}, stats };
	const sendContext = {
		campaign: settings.campaign,
		now: new Date(),
		marketingCooldownMs: paid ? PAID_API_MIN_INTERVAL_MS : MARKETING_COOLDOWN_MS,
	};
	verdicts.forEach((verdict, index) => {
		const { distinct, variant } = sends[index];
		const after = rowAfterVerdict(distinct.row, verdict, sendContext);
		const item = outputItem(withVariant(after.row, variant), distinct.itemIndexes);
		if (after.sent) {
			results.sent.push(item);
			if (verdict.kind === 'sentUnconfirmed') results.unconfirmed++;
		} else {
			results.notSent.push(item);
			const reason = verdict.kind === 'notAttempted' ? `not attempted (${verdict.errorClass})` : verdict.kind === 'failed' ? verdict.errorClass : verdict.kind;
			results.reasons[reason] = (results.reasons[reason] ?? 0) + 1;
		}
	});
	return results;
}
