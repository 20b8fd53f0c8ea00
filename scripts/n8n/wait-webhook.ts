/**
 * Published workflows get their production webhooks registered a moment after n8n reports ready,
 * so a request sent at once can meet "webhook is not registered" (404). A CORS preflight
 * (OPTIONS with an Origin) asks n8n whether a path is registered without running the workflow:
 * 204 once it is, 404 before.
 */
import { sleep } from './process-group';

/** Waits until `<baseUrl>/webhook/<path>` is registered; path as in the node, e.g. `<webhookId>/webhook`. */
export async function waitForWebhook(baseUrl: string, path: string, timeoutMs = 30000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	const url = `${baseUrl}/webhook/${path.replace(/^\/+/, '')}`;
	while (Date.now() < deadline) {
		const response = await fetch(url, { method: 'OPTIONS', headers: { origin: baseUrl } });
		if (response.status === 204) return;
		await sleep(200);
	}
	throw new Error(`n8n registered no production webhook at ${url} within ${timeoutMs / 1000} s`);
}
