// Runs one of the package's nodes inside n8n-core's real workflow engine (WorkflowExecute), with
// n8n's real request helpers: credentials are applied by the credential class's own
// `authenticate`, HTTP goes out through n8n-core, and continueOnFail, the error output and
// pairedItem behave as they do in n8n. Only the credential store is replaced, by a map.
import { ExecutionLifecycleHooks, HookContext, WorkflowExecute } from 'n8n-core';
import {
	NodeConnectionTypes,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { MessengerOtnMarketingApi } from '../../credentials/MessengerOtnMarketingApi.credentials';
import { MessengerOtnPageApi } from '../../credentials/MessengerOtnPageApi.credentials';

const START_TYPE = 'test.start';
const NODE_NAME = 'Node Under Test';

class StartNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Start',
		name: START_TYPE,
		group: ['input'],
		version: 1,
		description: 'Emits the items of the test',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

const CREDENTIAL_TYPES: Record<string, ICredentialType> = {
	messengerOtnPageApi: new MessengerOtnPageApi(),
	messengerOtnMarketingApi: new MessengerOtnMarketingApi(),
};

function credentialsHelper(credentials: Record<string, ICredentialDataDecryptedObject>) {
	return {
		getParentTypes: () => [],
		isCredentialUsableByNode: () => true,
		preAuthentication: async () => undefined,
		authenticate: async (data: ICredentialDataDecryptedObject, type: string, request: IHttpRequestOptions) => {
			const credentialType = CREDENTIAL_TYPES[type];
			if (typeof credentialType?.authenticate !== 'function') throw new Error(`No authenticate function for ${type}`);
			return credentialType.authenticate(data, request);
		},
		getDecrypted: async (_additionalData: unknown, _nodeCredentials: unknown, type: string) => {
			if (!credentials[type]) throw new Error(`No test credentials of type ${type}`);
			return { ...credentials[type] };
		},
		getCredentialsProperties: (type: string) => CREDENTIAL_TYPES[type]?.properties ?? [],
		getCredentials: async () => ({}),
		updateCredentials: async () => undefined,
		updateCredentialsOauthTokenData: async () => undefined,
	};
}

/** What n8n hands every context: our credential store, and where webhooks live. */
function additionalDataFor(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	hooks?: ExecutionLifecycleHooks,
	webhookBaseUrl = 'http://127.0.0.1/webhook',
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper: credentialsHelper(credentials),
		executionId: 'test-execution',
		currentNodeParameters: undefined,
		variables: {},
		restApiUrl: 'http://127.0.0.1/rest',
		webhookBaseUrl,
		webhookTestBaseUrl: `${webhookBaseUrl}-test`,
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		instanceBaseUrl: 'http://127.0.0.1/',
		setExecutionStatus: () => undefined,
		sendDataToUI: () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

function singleNodeTypes(typeName: string, nodeType: INodeType): INodeTypes {
	return {
		getByName: (name) => (name === typeName ? nodeType : (undefined as never)),
		getByNameAndVersion: (name) => (name === typeName ? nodeType : (undefined as never)),
		getKnownTypes: () => ({}),
	};
}

export interface HookRunOptions {
	node: INodeType;
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	webhookId: string;
	/** e.g. http://127.0.0.1:4567/webhook: the node's URL is `<base>/<webhookId>/<path>`. */
	webhookBaseUrl: string;
}

/**
 * Runs a trigger's activation method (checkExists, create or delete) in n8n-core's real
 * HookContext, as n8n does when a workflow is published or unpublished.
 */
export async function runHookMethod(
	method: 'checkExists' | 'create' | 'delete',
	options: HookRunOptions,
): Promise<boolean | undefined> {
	const typeName = `n8n-nodes-messenger-otn.${options.node.description.name}`;
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		webhookId: options.webhookId,
		parameters: options.parameters,
		credentials: Object.fromEntries(Object.keys(options.credentials).map((type) => [type, { id: `${type}-id`, name: type }])),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		nodeTypes: singleNodeTypes(typeName, options.node),
		active: true,
	});
	const [webhookName, methods] = Object.entries(options.node.webhookMethods ?? {})[0] ?? [];
	if (!webhookName || !methods) throw new Error(`${typeName} has no webhook methods`);
	const additionalData = additionalDataFor(options.credentials, undefined, options.webhookBaseUrl);
	const context = new HookContext(workflow, node, additionalData, 'trigger', 'activate');
	return await methods[method].call(context);
}

export interface NodeRun {
	/** Items per output of the node under test (index 0 = main; the error output follows). */
	outputs: INodeExecutionData[][];
	/** The error that stopped the workflow, if any. */
	error?: { message: string; description?: string | null; context?: IDataObject };
	hints: Array<{ message: string }>;
	run: IRun;
}

export interface RunNodeOptions {
	node: INodeType;
	parameters: INodeParameters;
	input: IDataObject[];
	/** Binary data of the input items, by item index (inline base64, as n8n keeps small files in memory). */
	binary?: Array<INodeExecutionData['binary']>;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	onError?: INode['onError'];
	mode?: WorkflowExecuteMode;
	/** Cancels the execution, as the editor's stop button does, once this resolves. */
	cancelWhen?: Promise<unknown>;
	/** The name and type the node that emits the input has (default: "Start", a plain test type). */
	start?: { name: string; type: string };
}

/**
 * Runs a callback inside a real n8n node execution context, so code under test gets n8n-core's
 * own `helpers.httpRequestWithAuthentication` and `getCredentials`.
 */
export async function runInNodeContext<T>(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	callback: (context: IExecuteFunctions) => Promise<T>,
): Promise<T> {
	let result: { value: T } | undefined;
	let failure: unknown;
	class ProbeNode implements INodeType {
		description: INodeTypeDescription = {
			displayName: 'Probe',
			name: 'probe',
			group: ['transform'],
			version: 1,
			description: 'Runs a test callback',
			defaults: { name: 'Probe' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: Object.keys(credentials).map((name) => ({ name, required: true })),
			properties: [],
		};

		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			try {
				result = { value: await callback(this) };
			} catch (error) {
				failure = error;
			}
			return [[]];
		}
	}
	const run = await runNode({ node: new ProbeNode(), parameters: {}, input: [{}], credentials });
	if (failure) throw failure;
	if (!result) throw new Error(`The probe did not run: ${run.error?.message ?? 'no error reported'}`);
	return result.value;
}

/** Runs Start → node with the given items and returns what the node put out. */
export async function runNode(options: RunNodeOptions): Promise<NodeRun> {
	const typeName = `n8n-nodes-messenger-otn.${options.node.description.name}`;
	const start = new StartNode();
	const startNode = options.start ?? { name: 'Start', type: START_TYPE };
	const types: Record<string, INodeType> = { [START_TYPE]: start, [startNode.type]: start, [typeName]: options.node };
	const nodeTypes: INodeTypes = {
		getByName: (name) => types[name],
		getByNameAndVersion: (name) => types[name],
		getKnownTypes: () => ({}),
	};
	const nodes: INode[] = [
		{ id: 'start', name: startNode.name, type: startNode.type, typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'under-test',
			name: NODE_NAME,
			type: typeName,
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: Object.fromEntries(
				Object.keys(options.credentials ?? {}).map((type) => [type, { id: `${type}-id`, name: type }]),
			),
			...(options.onError ? { onError: options.onError } : {}),
		},
	];
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes,
		connections: { [startNode.name]: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] } },
		nodeTypes,
		active: false,
	});

	const mode = options.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes,
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	let resolveFinished: (run: IRun) => void = () => undefined;
	const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveFinished(run));

	const additionalData = additionalDataFor(options.credentials ?? {}, hooks);

	const execute = new WorkflowExecute(additionalData, mode, {
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [
				{
					node: nodes[0],
					data: { main: [options.input.map((json, index) => ({ json, ...(options.binary?.[index] ? { binary: options.binary[index] } : {}) }))] },
					source: null,
				},
			],
		},
	} as never);
	const running = execute.processRunExecutionData(workflow);
	void options.cancelWhen?.then(() => running.cancel());
	await running.catch(() => undefined);
	const run = await finished;

	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	const error = run.data.resultData.error as NodeRun['error'] | undefined;
	return {
		outputs: (taskData?.data?.main ?? []).map((items) => items ?? []),
		error,
		hints: (taskData?.hints ?? []) as Array<{ message: string }>,
		run,
	};
}
