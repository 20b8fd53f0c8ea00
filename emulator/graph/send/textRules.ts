import { invalidParameter } from '../../fixtures/graphErrors';
import { GraphError } from '../graphError';

/** Small checks the message rules share; lengths count characters (code points), not bytes. */

export function fail(detail: string): never {
	throw new GraphError(invalidParameter(detail));
}

export function length(text: string): number {
	return [...text].length;
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A required, non-empty string of at most `max` characters. */
export function requireText(value: unknown, name: string, max: number): string {
	if (typeof value !== 'string' || value === '') fail(`Param ${name} is required and must be a non-empty string`);
	if (length(value) > max) fail(`Param ${name} must be at most ${max} characters`);
	return value;
}

export function optionalText(value: unknown, name: string, max: number): string | undefined {
	if (value === undefined) return undefined;
	return requireText(value, name, max);
}

export function requireUrl(value: unknown, name: string): string {
	if (typeof value !== 'string' || !/^https?:\/\/\S+$/i.test(value)) fail(`Param ${name} must be an http or https URL`);
	return value;
}

export function optionalUrl(value: unknown, name: string): string | undefined {
	return value === undefined ? undefined : requireUrl(value, name);
}

export function optionalEnum<T extends string>(value: unknown, name: string, allowed: readonly T[]): T | undefined {
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || !allowed.includes(value as T)) fail(`Param ${name} must be one of ${allowed.join(', ')}`);
	return value as T;
}

/** An array of `min`..`max` entries. */
export function requireArray(value: unknown, name: string, min: number, max: number): unknown[] {
	if (!Array.isArray(value)) fail(`Param ${name} must be an array`);
	if (value.length < min || value.length > max) fail(`Param ${name} must have between ${min} and ${max} entries`);
	return value;
}
