import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { MessengerEventItem } from '../shared/webhook/messengerEvents';
import { parseJsonKeepingIds } from '../shared/webhook/parseJsonKeepingIds';
import { parseWebhookBody } from '../shared/webhook/parseWebhookBody';
import { checkWebhookSignature, SIGNATURE_HEADER } from '../shared/webhook/signature';
import { handshakeChallenge } from '../shared/webhook/verifyToken';
import { readTriggerSettings } from './triggerSettings';

type Response = ReturnType<IWebhookFunctions['getResponseObject']>;

function answer(res: Response, status: number, body: string): IWebhookResponseData {
	res.status(status).type('text/plain').send(body).end();
	return { noWebhookResponse: true };
}

function pageFilter(value: string): Set<string> {
	return new Set(
		value
			.split(/[\s,]+/)
			.map((id) => id.trim())
			.filter(Boolean),
	);
}

function wanted(item: MessengerEventItem, events: string[], pages: Set<string>): boolean {
	if (pages.size > 0 && !pages.has(item.pageId)) return false;
	const type = item.type === 'invalid' ? String(item.intendedType) : item.type;
	return type === 'unknown' || events.includes(type);
}

async function rawBodyOf(context: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = context.getRequestObject() as unknown as { rawBody?: Buffer; readRawBody?: () => Promise<void> };
	if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
	return request.rawBody;
}

/**
 * Meta's handshake (GET) and events (POST). Nothing runs before the verify token or the
 * signature is checked, and the function keeps no state, so any n8n process can serve it.
 */
export async function handleWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const res = this.getResponseObject();
	const settings = await readTriggerSettings(this);

	if (this.getWebhookName() === 'setup') {
		const challenge = settings.verifyToken ? handshakeChallenge(this.getQueryData(), settings.verifyToken) : undefined;
		return challenge === undefined ? answer(res, 403, 'Forbidden') : answer(res, 200, challenge);
	}

	if (!settings.appSecret) {
		this.logger.warn('Messenger OTN Trigger refused a webhook: the credential has no App Secret to check its signature');
		return answer(res, 401, 'Unauthorized');
	}
	const rawBody = await rawBodyOf(this);
	const signature = checkWebhookSignature(rawBody, this.getHeaderData()[SIGNATURE_HEADER], settings.appSecret);
	if (signature !== 'valid') {
		this.logger.warn(
			`Messenger OTN Trigger refused a webhook whose X-Hub-Signature-256 is ${signature}. If Meta sent it, the App Secret in the credential is wrong; Meta disables a subscription whose deliveries keep failing.`,
		);
		return answer(res, 401, 'Unauthorized');
	}

	let body: unknown;
	try {
		// Ids Meta prints as numbers stay exact (a 16-digit PSID does not fit a double).
		body = parseJsonKeepingIds(rawBody!.toString('utf8'));
	} catch {
		return answer(res, 400, 'The body is not JSON');
	}
	const parsed = parseWebhookBody(body);
	if (!parsed.ok) return answer(res, 400, parsed.reason);

	const events = this.getNodeParameter('events', []) as string[];
	const pages = pageFilter(String(this.getNodeParameter('pageIds', '')));
	const items = parsed.events.filter((item) => wanted(item, events, pages));
	if (items.length === 0) return {};
	return { workflowData: [items.map((json) => ({ json: json as IDataObject }))] };
}
