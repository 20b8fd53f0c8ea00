/**
 * Published workflows get their production webhooks registered a moment after the API call
 * returns, one method after another, so a request sent at once can meet "webhook is not
 * registered" (404). A CORS preflight (OPTIONS with an Origin and the method to come) asks n8n
 * whether a path serves that method without running the workflow: 204 once it does, 404 before.
 */
import { sleep } from './process-group';

/** Waits until `<baseUrl>/webhook/<path>` serves `method`; path as in the node, e.g. `<webhookId>/webhook`. */
export async function waitForWebhook(baseUrl: string, path: string, method = 'POST', timeoutMs = 30000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	const url = `${baseUrl}/webhook/${path.replace(/^\/+/, '')}`;
	while (Date.now() < deadline) {
		const response = await fetch(url, {
			method: 'OPTIONS',
			headers: { origin: baseUrl, 'access-control-request-method': method },
		});
		if (response.status === 204) return;
		await sleep(200);
	}
	throw new Error(`n8n registered no production ${method} webhook at ${url} within ${timeoutMs / 1000} s`);
}
