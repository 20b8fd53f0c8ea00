import { signBody } from './signedBody';

/**
 * One webhook POST as Meta sends it, outside the dispatcher: these exact bytes, signed with the
 * App secret (docs/meta-platform.md §5.3); answers the HTTP status. For load scripts and tests that
 * post their own bodies, signed independently of the trigger's own check.
 */
export async function postAsMeta(url: string, rawBody: string, appSecret: string): Promise<number> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(rawBody, appSecret) },
		body: rawBody,
	});
	await response.text();
	return response.status;
}
