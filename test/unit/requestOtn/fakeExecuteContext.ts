import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { MessengerOtn } from '../../../nodes/MessengerOtn/MessengerOtn.node';

export const PAGE_TOKEN = 'PAGE-TOKEN-SECRET-123';
export const APP_SECRET = 'APP-SECRET-VALUE-456';

export type Responder = (request: IHttpRequestOptions) => { statusCode: number; body: unknown };

export interface FakeRun {
	/** Node parameters, the same for every item or per item (no expressions: the values as n8n resolved them). */
	parameters: IDataObject | ((itemIndex: number) => IDataObject);
	items?: IDataObject[];
	respond?: Responder;
	continueOnFail?: boolean;
}

export const sent = (messageId = 'm_1', recipientId = '42') => ({ statusCode: 200, body: { recipient_id: recipientId, message_id: messageId } });

/** An execute context like n8n's, with the Graph API answered by `respond` and every request kept. */
export function fakeExecuteContext(run: FakeRun) {
	const requests: IHttpRequestOptions[] = [];
	const parametersOf = (itemIndex: number) =>
		typeof run.parameters === 'function' ? run.parameters(itemIndex) : run.parameters;
	const node: INode = {
		id: 'node-1',
		name: 'Request OTN',
		type: 'n8n-nodes-messenger-otn.messengerOtn',
		typeVersion: 1,
		position: [0, 0],
		// As n8n stores them: parameters given per item stand for expressions.
		parameters: typeof run.parameters === 'function' ? Object.fromEntries(Object.keys(parametersOf(0)).map((name) => [name, '={{ per item }}'])) : (run.parameters as INodeParameters),
	};
	const context = {
		getInputData: () => (run.items ?? [{}]).map((json) => ({ json })),
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			const parameters = parametersOf(itemIndex);
			if (name in parameters) return parameters[name];
			if (fallback !== undefined) return fallback;
			throw new Error(`Test gave no parameter "${name}"`);
		},
		getNode: () => node,
		continueOnFail: () => run.continueOnFail ?? false,
		getCredentials: async () => ({
			accessToken: PAGE_TOKEN,
			appSecret: APP_SECRET,
			graphApiVersion: 'v25.0',
			graphHost: 'http://graph.test',
		}),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => {
				requests.push(request);
				return (run.respond ?? (() => sent()))(request);
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, requests };
}

/** Runs Request OTN on the fake context: its first output, or the error that stopped it, and every request made. */
export async function runRequestOtn(parameters: FakeRun['parameters'], options: Omit<FakeRun, 'parameters'> = {}) {
	const { context, requests } = fakeExecuteContext({ parameters, ...options });
	try {
		const [output] = await new MessengerOtn().execute.call(context);
		return { output, requests, error: undefined };
	} catch (error) {
		return { output: [] as INodeExecutionData[], requests, error: error as { message: string; description?: string } };
	}
}
