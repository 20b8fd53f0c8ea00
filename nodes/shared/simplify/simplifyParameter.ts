import type { INodeProperties } from 'n8n-workflow';

/**
 * n8n's Simplify switch for outputs meant for reading. Off by default: workflows saved before it
 * existed get the same items as before.
 */
export function simplifyParameter(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: { show },
	};
}
