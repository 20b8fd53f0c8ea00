// Token rows for broadcast tests: real tokens issued by the emulator to its simulated subscribers,
// as the OTN Token Store would have recorded them.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { CreateSubscriberInput, EmulatorClient } from '../../emulator/client';
import { newTokenRow } from '../../nodes/shared/tokens/newTokenRow';
import { oneTimeTokenExpiresAt } from '../../nodes/shared/tokens/tokenRules';

export async function issuedRows(
	control: EmulatorClient,
	pageId: string,
	count: number,
	type: 'one_time' | 'marketing' = 'one_time',
	topic = 'deals',
	subscriber: CreateSubscriberInput = {},
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	for (let i = 0; i < count; i++) {
		const { psid } = await control.createSubscriber(pageId, subscriber);
		const issued = await control.issueToken(pageId, { psid, type, payload: topic, title: 'Deals' });
		const optedInAt = new Date(issued.createdAt);
		rows.push(
			newTokenRow({
				token: issued.token,
				tokenType: type,
				pageId,
				psid,
				topic,
				title: 'Deals',
				timezone: null,
				optedInAt: optedInAt.toISOString(),
				expiresAt: type === 'one_time' ? oneTimeTokenExpiresAt(optedInAt) : null,
			}) as unknown as IDataObject,
		);
	}
	return rows;
}

/** How many messages each token received, by the emulator's own count. */
export async function deliveriesPerToken(control: EmulatorClient, pageId: string): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	for (const delivery of await control.deliveries({ pageId })) {
		if (delivery.token) counts.set(delivery.token, (counts.get(delivery.token) ?? 0) + 1);
	}
	return counts;
}

/** OTN Broadcast's parameters for a Send API campaign, as the contract tests run it. */
export const broadcastParameters = (overrides: IDataObject = {}) => ({
	campaign: 'spring-sale',
	messageType: 'text',
	text: '=Hi {{ $json.psid }}, the spring sale is on',
	ratePerSecond: 200,
	dryRun: false,
	options: {},
	...overrides,
});

/** OTN Broadcast's parameters for a campaign through the paid Marketing Message API. */
export const paidBroadcastParameters = (campaignId: string, overrides: INodeParameters = {}): INodeParameters => ({
	sendThrough: 'paidApi',
	campaignId,
	minConversationGapSeconds: 0,
	messageType: 'text',
	text: 'The spring sale is on',
	ratePerSecond: 100,
	dryRun: false,
	options: {},
	...overrides,
});
