/**
 * The token row is frozen across the package: the templates and the Postgres DDL carry exactly
 * its columns, and the templates use the node types users get when they install the package.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SEND_LOG_COLUMNS } from '../../../nodes/shared/tokens/sendLogRow';
import { OPTIONAL_TOKEN_ROW_COLUMNS, TOKEN_ROW_COLUMNS, TOKEN_ROW_DATE_COLUMNS } from '../../../nodes/shared/tokens/tokenRow';

const examples = join(__dirname, '..', '..', '..', 'examples');
const ddl = readFileSync(join(examples, 'otn-tokens.postgres.sql'), 'utf8');

interface TemplateNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}

function template(file: string): { nodes: TemplateNode[]; connections: Record<string, unknown> } {
	return JSON.parse(readFileSync(join(examples, file), 'utf8'));
}

function tableColumns(table: string): Array<{ name: string; type: string }> {
	const body = new RegExp(`CREATE TABLE IF NOT EXISTS ${table} \\(([\\s\\S]*?)\\n\\);`).exec(ddl)?.[1] ?? '';
	return [...body.matchAll(/^\s*"(\w+)" (\w+)/gm)].map(([, name, type]) => ({ name, type }));
}

describe('the Postgres DDL', () => {
	it('has every token row column, the optional ones last, dates as timestamptz, and tokenId as the unique key', () => {
		const columns = tableColumns('otn_tokens');
		expect(columns.map((column) => column.name)).toEqual([...TOKEN_ROW_COLUMNS, ...OPTIONAL_TOKEN_ROW_COLUMNS]);
		const dates: readonly string[] = TOKEN_ROW_DATE_COLUMNS;
		for (const column of columns) expect([column.name, column.type]).toEqual([column.name, dates.includes(column.name) ? 'timestamptz' : 'text']);
		expect(ddl).toMatch(/"tokenId" text PRIMARY KEY/);
	});

	it('has the send log, one row per campaign and token', () => {
		expect(tableColumns('otn_send_log').map((column) => column.name)).toEqual([...SEND_LOG_COLUMNS]);
		expect(ddl).toMatch(/PRIMARY KEY \("campaign", "tokenId"\)/);
	});
});

describe.each(['capture-opt-ins-data-table.json', 'capture-opt-ins-postgres.json'])('the template %s', (file) => {
	const { nodes, connections } = template(file);

	it("uses the package's and n8n's own node types, as an install names them", () => {
		for (const node of nodes) expect(node.type).toMatch(/^(n8n-nodes-messenger-otn|n8n-nodes-base)\.\w+$/);
	});

	it('connects every node it has', () => {
		const names = new Set(nodes.map((node) => node.name));
		const targets = JSON.stringify(connections).match(/"node":"[^"]+"/g) ?? [];
		for (const target of targets) expect(names).toContain(target.slice(8, -1));
	});

	it('records opt-ins and applies stops, resumes, deliveries and reads from one trigger', () => {
		const trigger = nodes.find((node) => node.type === 'n8n-nodes-messenger-otn.messengerOtnTrigger');
		expect(trigger?.parameters.events).toEqual(['otn_optin', 'marketing_optin', 'marketing_stop', 'marketing_resume', 'delivery', 'read']);
		const operations = nodes.filter((node) => node.type === 'n8n-nodes-messenger-otn.otnTokenStore').map((node) => node.parameters.operation);
		expect(operations).toEqual(['recordOptIn', 'applyEvent']);
	});
});

it('the Data Table template names every column the table needs', () => {
	const note = template('capture-opt-ins-data-table.json').nodes.find((node) => node.type === 'n8n-nodes-base.stickyNote');
	for (const column of [...TOKEN_ROW_COLUMNS, ...OPTIONAL_TOKEN_ROW_COLUMNS]) expect(String(note?.parameters.content)).toContain(column);
});

describe.each(['broadcast-in-shards.json', 'broadcast-shard-postgres.json', 'broadcast-shard-in-pages-postgres.json'])('the queue-mode template %s', (file) => {
	const { nodes, connections } = template(file);

	it("uses the package's and n8n's own node types, and connects every node it has", () => {
		for (const node of nodes) expect(node.type).toMatch(/^(n8n-nodes-messenger-otn|n8n-nodes-base)\.\w+$/);
		const names = new Set(nodes.map((node) => node.name));
		const targets = JSON.stringify(connections).match(/"node":"[^"]+"/g) ?? [];
		for (const target of targets) expect(names).toContain(target.slice(8, -1));
	});

	it('guards its webhook with the shared Header Auth key', () => {
		const webhook = nodes.find((node) => node.type === 'n8n-nodes-base.webhook') as TemplateNode & { credentials?: Record<string, unknown> };
		expect(webhook.parameters.authentication).toBe('headerAuth');
		expect(Object.keys(webhook.credentials ?? {})).toEqual(['httpHeaderAuth']);
	});
});

it.each(['broadcast-shard-postgres.json', 'broadcast-shard-in-pages-postgres.json'])('%s: each shard keeps its share of subscribers and sends at its share of the rate', (file) => {
	const { nodes } = template(file);
	const select = nodes.find((node) => node.parameters.operation === 'selectForBroadcast');
	const broadcast = nodes.find((node) => node.type === 'n8n-nodes-messenger-otn.otnBroadcast');
	const selectOptions = select?.parameters.options as Record<string, string>;
	const broadcastOptions = broadcast?.parameters.options as Record<string, string>;
	expect(selectOptions.shardCount).toMatch(/\.shardCount }}$/);
	expect(selectOptions.shardNumber).toMatch(/\.shardNumber }}$/);
	expect(broadcastOptions.shardsSharingRate).toBe(selectOptions.shardCount);
	expect(broadcast?.parameters.campaign).toMatch(/\.campaign }}$/);
});

it('every shard reads its rows, then waits for one start time the coordinator set once for all shards', () => {
	const coordinator = template('broadcast-in-shards.json');
	const assignments = (node: TemplateNode | undefined) =>
		((node?.parameters.assignments as { assignments: Array<{ name: string; value: string }> }).assignments ?? []).map((entry) => entry.name);
	// Set before the items are split per shard, so every shard gets the same time.
	expect(assignments(coordinator.nodes.find((node) => node.name === 'Shard Numbers'))).toContain('startAt');
	expect(String(coordinator.nodes.find((node) => node.name === 'Start Shard')?.parameters.jsonBody)).toContain('startAt: $json.startAt');

	const shard = template('broadcast-shard-postgres.json');
	const wait = shard.nodes.find((node) => node.type === 'n8n-nodes-base.wait');
	expect(wait?.parameters.resume).toBe('specificTime');
	expect(wait?.parameters.dateTime).toContain('.body.startAt');
	const targets = (from: string, output = 0) =>
		((shard.connections[from] as { main: Array<Array<{ node: string }>> }).main[output] ?? []).map((link) => link.node);
	expect(targets('Select for Broadcast')).toEqual([wait?.name]);
	expect(targets(wait!.name)).toEqual(['OTN Broadcast']);
});
