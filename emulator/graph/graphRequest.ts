import type { IncomingMessage } from 'http';

import { invalidParameter } from '../fixtures/graphErrors';
import { BodyError, parseBody } from '../http/requestBody';
import { accessTokenOf, identityOf } from './auth';
import { runBatch } from './batch';
import { runGraphCall } from './callPipeline';
import { jsonResponse, splitVersion, type GraphCall, type GraphContext, type GraphOutcome } from './graphCall';
import { graphErrorBody } from './graphError';

/**
 * An HTTP request to the Graph side: parameters from query and body (JSON, form or multipart), the
 * configured latency of the caller's Page, then one call or a batch.
 */
export async function handleGraphRequest(ctx: GraphContext, req: IncomingMessage, url: URL, rawBody: Buffer): Promise<GraphOutcome> {
	let body: Record<string, unknown>;
	try {
		body = parseBody(rawBody, req.headers['content-type']);
	} catch (error) {
		if (!(error instanceof BodyError)) throw error;
		return jsonResponse(400, graphErrorBody(invalidParameter(error.message)));
	}
	const { version, path } = splitVersion(url.pathname);
	const call: GraphCall = {
		method: (req.method ?? 'GET').toUpperCase(),
		path,
		version,
		params: { ...Object.fromEntries(url.searchParams), ...body },
		authorization: req.headers.authorization,
	};
	const identity = identityOf(ctx.state, accessTokenOf(call));
	const delayMs = ctx.state.latency.delayFor(identity?.kind === 'page' ? identity.page.pageId : undefined, ctx.state.random);
	if (delayMs > 0) await ctx.sleep(delayMs);
	if (path === '/' && call.method === 'POST') return runBatch(ctx, call);
	return runGraphCall(ctx, call);
}
