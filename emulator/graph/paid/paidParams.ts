import { invalidParameter } from '../../fixtures/graphErrors';
import { GraphError } from '../graphError';

/** Parameters of the paid API's calls: numbers may come as JSON numbers or as form strings. */

function fail(detail: string): never {
	throw new GraphError(invalidParameter(detail));
}

/** A whole number of at least `min`, or undefined when absent. */
export function optionalInteger(params: Record<string, unknown>, name: string, min: number): number | undefined {
	const value = params[name];
	if (value === undefined || value === null || value === '') return undefined;
	const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < min) fail(`Param ${name} must be a whole number of at least ${min}`);
	return number;
}

export function requiredText(params: Record<string, unknown>, name: string): string {
	const value = params[name];
	if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
	if (typeof value !== 'string' || value.trim() === '') fail(`The parameter ${name} is required`);
	return value.trim();
}

export function optionalText(params: Record<string, unknown>, name: string): string | undefined {
	const value = params[name];
	if (value === undefined || value === null || value === '') return undefined;
	return requiredText(params, name);
}

/** Unix seconds (docs/meta-platform.md §3.3: `<TS>`), as ms on the emulator clock. */
export function optionalUnixTime(params: Record<string, unknown>, name: string): number | undefined {
	const seconds = optionalInteger(params, name, 0);
	return seconds === undefined ? undefined : seconds * 1000;
}
