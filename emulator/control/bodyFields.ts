import { badRequest } from './controlError';

/** Reading control API bodies with clear 400s. */

export function optionalString(body: Record<string, unknown>, name: string): string | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' || value === '') throw badRequest(`${name} must be a non-empty string`);
	return value;
}

export function requiredString(body: Record<string, unknown>, name: string): string {
	const value = optionalString(body, name);
	if (value === undefined) throw badRequest(`${name} is required`);
	return value;
}

export function optionalNumber(body: Record<string, unknown>, name: string, min = 0): number | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min) throw badRequest(`${name} must be a number of at least ${min}`);
	return value;
}

export function requiredNumber(body: Record<string, unknown>, name: string, min = 0): number {
	const value = optionalNumber(body, name, min);
	if (value === undefined) throw badRequest(`${name} is required`);
	return value;
}
