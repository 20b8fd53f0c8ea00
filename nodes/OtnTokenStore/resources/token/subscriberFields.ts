import type { INodeProperties } from 'n8n-workflow';

type Show = Record<string, string[]>;

/** The subscriber an operation is about, by Page-scoped ID. */
export function psidField(show: Show, options: { required: boolean; description: string }): INodeProperties {
	return {
		displayName: 'PSID',
		name: 'psid',
		type: 'string',
		default: '',
		...(options.required ? { required: true } : {}),
		placeholder: 'e.g. 1254459154682919',
		description: options.description,
		displayOptions: { show },
	};
}

/** Keeps an operation to one Page's rows; empty for every Page. */
export function pageIdField(show: Show, description: string): INodeProperties {
	return {
		displayName: 'Page ID',
		name: 'pageId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 200000000000001',
		description,
		displayOptions: { show },
	};
}
