import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runBroadcast, type BroadcastStats, type SendFunction } from '../shared/broadcast/broadcastRunner';
import { realClock } from '../shared/broadcast/clock';
import { rowAfterVerdict } from '../shared/broadcast/rowAfterVerdict';
import { createGraphClient } from '../shared/graph/graphClient';
import { outputItem } from '../shared/outputItem';
import { MARKETING_COOLDOWN_MS } from '../shared/tokens/tokenRules';
import type { BroadcastSettings } from './broadcastSettings';
import type { PlannedSend } from './planBroadcast';

export interface SendResults {
	sent: INodeExecutionData[];
	notSent: INodeExecutionData[];
	unconfirmed: number;
	reasons: Record<string, number>;
	stats: BroadcastStats;
}

/** Sends the planned messages and turns each verdict into the row to write back. */
export async function sendBroadcast(
	context: IExecuteFunctions,
	sends: PlannedSend[],
	settings: BroadcastSettings,
): Promise<SendResults> {
	const client = await createGraphClient(context, { timeoutMs: settings.timeoutMs });
	const send: SendFunction = async (requests) =>
		requests.length === 1 ? [await client.sendMessage(requests[0])] : await client.sendBatch(requests);
	const { verdicts, stats } = await runBroadcast(
		sends.map((planned) => planned.request),
		send,
		{ ...settings, clock: realClock, signal: context.getExecutionCancelSignal?.() },
	);

	const results: SendResults = { sent: [], notSent: [], unconfirmed: 0, reasons: {}, stats };
	const sendContext = { campaign: settings.campaign, now: new Date(), marketingCooldownMs: MARKETING_COOLDOWN_MS };
	verdicts.forEach((verdict, index) => {
		const { distinct } = sends[index];
		const after = rowAfterVerdict(distinct.row, verdict, sendContext);
		const item = outputItem(after.row, distinct.itemIndexes);
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
