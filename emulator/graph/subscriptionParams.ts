import { invalidParameter } from '../fixtures/graphErrors';
import { isPageWebhookField, PAGE_WEBHOOK_FIELDS } from '../webhooks/webhookFields';
import { GraphError } from './graphError';

/** Parameters of the subscription endpoints: field lists, the callback URL, booleans. */

/**
 * A list of Page webhook fields: `a,b`, a JSON array, or a JSON array in a string. Each must be
 * a field docs/meta-platform.md §5.5 names. Undefined when absent.
 */
export function fieldListParam(params: Record<string, unknown>, name: string): string[] | undefined {
	let value = params[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string' && value.trim().startsWith('[')) {
		try {
			value = JSON.parse(value);
		} catch {
			throw new GraphError(invalidParameter(`Param ${name} must be a comma-separated list or a JSON array`));
		}
	}
	const names = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
	if (!names || names.some((field) => typeof field !== 'string')) throw new GraphError(invalidParameter(`Param ${name} must be a list of field names`));
	const fields = [...new Set((names as string[]).map((field) => field.trim()).filter((field) => field !== ''))];
	const unknown = fields.find((field) => !isPageWebhookField(field));
	if (unknown !== undefined) throw new GraphError(invalidParameter(`Param ${name}[${fields.indexOf(unknown)}] must be one of {${PAGE_WEBHOOK_FIELDS.join(', ')}}`));
	return fields;
}

export function requiredFieldList(params: Record<string, unknown>, name: string): string[] {
	const fields = fieldListParam(params, name);
	if (!fields || fields.length === 0) throw new GraphError(invalidParameter(`The parameter ${name} is required`));
	return fields;
}

export function requiredText(params: Record<string, unknown>, name: string): string {
	const value = params[name];
	if (typeof value !== 'string' || value === '') throw new GraphError(invalidParameter(`The parameter ${name} is required`));
	return value;
}

export function booleanParam(params: Record<string, unknown>, name: string): boolean {
	const value = params[name];
	if (value === undefined || value === false || value === 'false') return false;
	if (value === true || value === 'true') return true;
	throw new GraphError(invalidParameter(`Param ${name} must be a boolean`));
}

/** The only object the emulator serves is `page`; others are refused rather than silently ignored. */
export function pageObjectParam(params: Record<string, unknown>, required: boolean): void {
	const value = params.object;
	if (value === undefined && !required) return;
	if (value !== 'page') throw new GraphError(invalidParameter('Param object must be page (the only webhook object emulated)'));
}

/**
 * An http(s) URL on this machine: the emulator never sends anything off loopback. (Meta requires
 * https; the emulator also takes http, since a local receiver rarely has a certificate.)
 */
export function callbackUrlParam(params: Record<string, unknown>): string {
	const text = requiredText(params, 'callback_url');
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new GraphError(invalidParameter('Param callback_url must be a valid URL'));
	}
	const host = url.hostname.replace(/^\[|\]$/g, '');
	const loopback = host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
	if (!['http:', 'https:'].includes(url.protocol) || !loopback) {
		throw new GraphError(invalidParameter('Param callback_url must be an http(s) URL on loopback (the emulator delivers on this machine only)'));
	}
	return text;
}
