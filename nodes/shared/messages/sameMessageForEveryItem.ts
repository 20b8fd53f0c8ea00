import type { INode } from 'n8n-workflow';

import { messageContentFields } from './messageContentParameters';

/** The parameters a message is built from, the texts of a campaign's other variants included. */
const MESSAGE_PARAMETERS = new Set([...messageContentFields({}).map((field) => field.name), 'variants']);

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * Whether every item gets the same message: no message parameter holds an expression (n8n reads a
 * value that starts with "=" as one) and no item's binary file is sent. Such a message is built and
 * checked once, not once for each of thousands of rows.
 */
export function sameMessageForEveryItem(node: INode): boolean {
	if (node.parameters.mediaSource === 'binary') return false;
	return !Object.entries(node.parameters).some(([name, value]) => MESSAGE_PARAMETERS.has(name) && holdsExpression(value));
}
