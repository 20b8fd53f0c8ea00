import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { PAGE_CREDENTIAL_TYPE } from '../shared/graph/graphClient';
import { MARKETING_CREDENTIAL_TYPE } from '../shared/graph/marketingClient';
import { searchCampaigns } from '../shared/listSearch/searchCampaigns';
import { ItemErrors } from '../shared/itemErrors';
import { outputItem } from '../shared/outputItem';
import { BROADCAST_SUBTITLE, broadcastProperties } from './broadcastDescription';
import { readBroadcastSettings } from './broadcastSettings';
import { broadcastAttachments } from './broadcastAttachments';
import { broadcastHint } from './broadcastHint';
import { dryRunPreviewItem } from './dryRunPreview';
import { keepToPage, planBroadcast } from './planBroadcast';
import { readRowsWhileChecking } from './readRowsWhileChecking';
import { openBroadcastChannel, sendBroadcast } from './sendBroadcast';
import { stopBeforeSending } from './stopBeforeSending';

export class OtnBroadcast implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OTN Broadcast',
		name: 'otnBroadcast',
		icon: { light: 'file:../../icons/messenger-otn.svg', dark: 'file:../../icons/messenger-otn.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: BROADCAST_SUBTITLE,
		description:
			'Send one Messenger message per opt-in token (one-time or marketing), paced, batched and retried, and get every row back with what became of it',
		defaults: { name: 'OTN Broadcast' },
		// Not an AI tool: a tool call carries no token rows to send to, and an agent must not start paid sends.
		usableAsTool: undefined,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Sent', 'Not Sent'],
		credentials: [
			{ name: PAGE_CREDENTIAL_TYPE, required: true, displayOptions: { show: { sendThrough: ['sendApi'] } } },
			{ name: MARKETING_CREDENTIAL_TYPE, required: true, displayOptions: { show: { sendThrough: ['paidApi'] } } },
		],
		// Newer n8n versions redact these output fields in stored executions (2.40 does not yet).
		sensitiveOutputFields: ['token'],
		properties: broadcastProperties,
	};

	methods = { listSearch: { searchCampaigns } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const settings = readBroadcastSettings(this);
		const errors = new ItemErrors(this);
		const now = new Date();
		const channel = await openBroadcastChannel(this, settings);
		// Nothing is sent before the check's answer; it travels while the rows are read and planned.
		const { rows, checking } = await readRowsWhileChecking(this, errors, channel, now, settings.sendThrough);
		let plan = await planBroadcast(this, rows, now, settings.sendThrough, broadcastAttachments(this, settings), settings.variants);

		const invalidMessages = plan.passed.filter((passed) => passed.reason === 'messageInvalid');
		if (invalidMessages.length > 0 && plan.sends.length === 0 && !this.continueOnFail()) {
			const example = invalidMessages[0];
			throw new NodeOperationError(this.getNode(), `Messenger would refuse the message of every row (${example.row.error})`, {
				itemIndex: example.distinct.itemIndexes[0],
				description: 'Nothing was sent. Fix the message parameters (see Meta\'s limits in the README) and run again.',
			});
		}

		if (checking && plan.sends.length > 0) {
			// One call proves the credential before any send; a refusal leaves every row as it was.
			const checked = await checking;
			if (!checked.ok) {
				const notSent = stopBeforeSending(this, plan, checked.failure);
				this.addExecutionHints(
					broadcastHint({ campaign: settings.campaign, dryRun: settings.dryRun, sent: 0, unconfirmed: 0, notSent: {}, stoppedBeforeSending: checked.failure.meaning }),
				);
				return [[], [...notSent, ...errors.items]];
			}
			if (checked.pageId !== undefined) plan = keepToPage(plan, checked.pageId);
		}

		const passedItems = plan.passed.map((passed) => outputItem(passed.row, passed.distinct.itemIndexes));
		const reasons: Record<string, number> = {};
		for (const passed of plan.passed) reasons[passed.reason] = (reasons[passed.reason] ?? 0) + 1;

		if (settings.dryRun) {
			const wouldSend = plan.sends.map((planned) => outputItem(planned.distinct.row, planned.distinct.itemIndexes));
			this.addExecutionHints(broadcastHint({ campaign: settings.campaign, dryRun: true, sent: wouldSend.length, unconfirmed: 0, notSent: reasons }));
			const sentOutput = settings.dryRunOutput === 'preview' ? [await dryRunPreviewItem(plan, channel, settings, reasons, this.getInputData().length)] : wouldSend;
			return [sentOutput, [...passedItems, ...errors.items]];
		}

		const results = await sendBroadcast(this, channel, plan.sends, settings);
		for (const [reason, count] of Object.entries(results.reasons)) reasons[reason] = (reasons[reason] ?? 0) + count;
		this.addExecutionHints(
			broadcastHint({
				campaign: settings.campaign,
				dryRun: false,
				sent: results.sent.length,
				unconfirmed: results.unconfirmed,
				notSent: reasons,
				stats: results.stats,
				rateShare: { ratePerSecond: settings.ratePerSecond, shardsSharingRate: settings.shardsSharingRate },
			}),
		);
		return [results.sent, [...results.notSent, ...passedItems, ...errors.items]];
	}
}
