/**
 * The workflows that race: this node, the three do-it-yourself workflows a user would otherwise
 * build with n8n's HTTP Request node, and a control that only carries the rows through
 * n8n, to tell the items' own memory from the node's.
 */
import { DIY_BATCH, TEMPLATE_WAIT_SECONDS, type Sizes } from './conditions';
import { chain, copyRows, httpSend, type HttpSendSettings, loopOverItems, otnBroadcast, ROWS_NODE, rowsWebhook, SPLIT_NODE, splitRows, waitSeconds } from './workflowNodes';

export type ContestantKey = 'copyControlSmall' | 'copyControl' | 'nodeSmall' | 'node' | 'template' | 'tuned' | 'tunedErrorOutput' | 'naive';

export interface WorkflowInputs {
	webhookPath: string;
	graphUrl: string;
	pageToken: string;
	credentialId: string;
}

export interface Contestant {
	key: ContestantKey;
	label: string;
	/** One line on how it is set up, printed under the tables. */
	setup: string;
	tokens: number;
	/** Sends anything (the control does not). */
	sends: boolean;
	/** Nodes whose runs make up the sending time. */
	senderNodes: string[];
	/** The node whose items say, per row, what became of the send. */
	reportingNode: string;
	workflow(inputs: WorkflowInputs): { nodes: unknown[]; connections: Record<string, unknown> };
}

const BROADCAST = 'OTN Broadcast';
const SEND = 'Send Message';
const LOOP = 'Loop Over Items';
const WAIT = 'Wait 2 s';
const COPY = 'Copy Rows';

function head(inputs: WorkflowInputs) {
	return [rowsWebhook(inputs.webhookPath), splitRows()];
}

function copyControl(key: ContestantKey, tokens: number): Contestant {
	return {
		key,
		label: `items only (${tokens})`,
		setup: 'Webhook → Split Out → Edit Fields: the rows through n8n with one copy of each, no sending',
		tokens,
		sends: false,
		senderNodes: [COPY],
		reportingNode: COPY,
		workflow: (inputs) => ({ nodes: [...head(inputs), copyRows(COPY)], connections: chain([ROWS_NODE, SPLIT_NODE], [SPLIT_NODE, COPY]) }),
	};
}

function thisNode(key: ContestantKey, tokens: number): Contestant {
	return {
		key,
		label: `OTN Broadcast (${tokens})`,
		setup: 'Webhook → Split Out → OTN Broadcast, 250 messages/s, default options (batches of 50, concurrency 4, 4 attempts)',
		tokens,
		sends: true,
		senderNodes: [BROADCAST],
		reportingNode: BROADCAST,
		workflow: (inputs) => ({
			nodes: [...head(inputs), otnBroadcast(BROADCAST, inputs.credentialId)],
			connections: chain([ROWS_NODE, SPLIT_NODE], [SPLIT_NODE, BROADCAST]),
		}),
	};
}

function httpOnly(key: ContestantKey, label: string, setup: string, tokens: number, settings: HttpSendSettings): Contestant {
	return {
		key,
		label,
		setup,
		tokens,
		sends: true,
		senderNodes: [SEND],
		reportingNode: SEND,
		workflow: (inputs) => ({
			nodes: [...head(inputs), httpSend(SEND, inputs.graphUrl, inputs.pageToken, settings)],
			connections: chain([ROWS_NODE, SPLIT_NODE], [SPLIT_NODE, SEND]),
		}),
	};
}

export function contestants(sizes: Sizes): Contestant[] {
	return [
		copyControl('copyControlSmall', sizes.small),
		copyControl('copyControl', sizes.full),
		thisNode('nodeSmall', sizes.small),
		thisNode('node', sizes.full),
		{
			key: 'template',
			label: `template DIY (sample ${sizes.templateSample})`,
			setup: `Loop Over Items (1 per round) → HTTP Request → Wait ${TEMPLATE_WAIT_SECONDS} s → loop, as published templates do; n8n defaults otherwise. A sample of ${sizes.templateSample} tokens: all would take hours`,
			tokens: sizes.templateSample,
			sends: true,
			senderNodes: [SEND, WAIT],
			reportingNode: SEND,
			workflow: (inputs) => ({
				nodes: [...head(inputs), loopOverItems(LOOP), httpSend(SEND, inputs.graphUrl, inputs.pageToken), waitSeconds(WAIT, TEMPLATE_WAIT_SECONDS)],
				connections: chain([ROWS_NODE, SPLIT_NODE], [SPLIT_NODE, LOOP], [LOOP, SEND, 1], [SEND, WAIT], [WAIT, LOOP]),
			}),
		},
		httpOnly(
			'tuned',
			`tuned DIY (${sizes.full})`,
			`HTTP Request batching ${DIY_BATCH.batchSize} items every ${DIY_BATCH.batchInterval} ms (250/s), Retry On Fail (3 tries, 1 s apart), On Error left at "Stop Workflow"`,
			sizes.full,
			{ batching: DIY_BATCH, retryOnFail: true },
		),
		httpOnly(
			'tunedErrorOutput',
			`tuned DIY + error output (${sizes.full})`,
			'the same, with On Error "Continue (using error output)" so each failed row comes out on its own',
			sizes.full,
			{ batching: DIY_BATCH, retryOnFail: true, onError: 'continueErrorOutput' },
		),
		httpOnly('naive', `naive DIY (${sizes.full})`, 'HTTP Request with its defaults: every row at once, no retry, stop on the first error', sizes.full, {}),
	];
}
