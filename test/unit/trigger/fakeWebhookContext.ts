import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

// Signed as the emulator (Meta's stand-in) signs, never with the trigger's own function, so a
// mistake in the trigger's check cannot cancel itself out here.
import { signBody } from '../../../emulator/webhooks/signedBody';

export const APP_SECRET = 'app-secret-for-tests';

export interface FakeResponse {
	statusCode?: number;
	body?: string;
	contentType?: string;
}

export interface FakeRequest {
	webhookName?: 'setup' | 'default';
	query?: IDataObject;
	rawBody?: Buffer;
	headers?: Record<string, string>;
	parameters?: IDataObject;
	credentials?: IDataObject;
	webhookId?: string;
}

/** A webhook context like n8n's: the raw body, lower-cased headers and an express-like response. */
export function fakeWebhookContext(request: FakeRequest) {
	const response: FakeResponse = {};
	const warnings: string[] = [];
	const res = {
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		type(value: string) {
			response.contentType = value;
			return res;
		},
		send(body: string) {
			response.body = body;
			return res;
		},
		end() {
			return res;
		},
	};
	const parameters: IDataObject = {
		events: ['otn_optin', 'marketing_optin'],
		pageIds: '',
		subscribeOnActivation: true,
		verifyToken: '',
		...request.parameters,
	};
	const context = {
		getWebhookName: () => request.webhookName ?? 'default',
		getQueryData: () => request.query ?? {},
		getHeaderData: () => request.headers ?? {},
		getRequestObject: () => ({ rawBody: request.rawBody }),
		getResponseObject: () => res,
		getNode: () => ({ id: 'node-1', name: 'Messenger OTN Trigger', webhookId: request.webhookId ?? 'webhook-1' }),
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getCredentials: async () => ({ accessToken: 'PAGE', appId: '1001', appSecret: APP_SECRET, ...request.credentials }),
		logger: { warn: (message: string) => warnings.push(message), error: () => undefined, info: () => undefined, debug: () => undefined },
	} as unknown as IWebhookFunctions;
	return { context, response, warnings };
}

/** A POST as Meta sends it: the exact bytes, signed with the App secret. */
export function signedPost(body: unknown, extra: Omit<FakeRequest, 'rawBody' | 'headers'> = {}, secret = APP_SECRET) {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	return fakeWebhookContext({
		...extra,
		rawBody: Buffer.from(text),
		headers: { 'x-hub-signature-256': signBody(text, secret) },
	});
}
