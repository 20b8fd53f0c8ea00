import { invalidParameter } from '../fixtures/graphErrors';
import { GraphError } from './graphError';

/** Graph parameters arrive as JSON values or as form strings holding JSON (as in batch bodies). */

/** The fields a read asks for (`?fields=a,b`); undefined when it names none. */
export function requestedFields(params: Record<string, unknown>): string[] | undefined {
	return typeof params.fields === 'string' ? params.fields.split(',').map((field) => field.trim()) : undefined;
}

export function stringParam(params: Record<string, unknown>, name: string): string | undefined {
	const value = params[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw new GraphError(invalidParameter(`Param ${name} must be a string`));
	return value;
}

export function objectParam(params: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
	let value = params[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') value = parseJson(value, name);
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new GraphError(invalidParameter(`Param ${name} must be a JSON object`));
	return value as Record<string, unknown>;
}

export function arrayParam(params: Record<string, unknown>, name: string): unknown[] | undefined {
	let value = params[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') value = parseJson(value, name);
	if (!Array.isArray(value)) throw new GraphError(invalidParameter(`Param ${name} must be a JSON array`));
	return value;
}

function parseJson(text: string, name: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw new GraphError(invalidParameter(`Param ${name} must be valid JSON`));
	}
}
