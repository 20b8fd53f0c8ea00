/**
 * The two campaign-in-pages templates: each page is read in the order Select for Broadcast pages by,
 * at the size it is told, and its rows are written back before the page hands back where the next
 * one starts (n8n's v1 order runs a node's branches top to bottom); a page whose broadcast stopped
 * for a Page-wide reason ends the campaign.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface TemplateNode {
	name: string;
	type: string;
	position: [number, number];
	parameters: Record<string, unknown>;
}

type Connections = Record<string, { main: Array<Array<{ node: string }>> }>;

const examples = join(__dirname, '..', '..', '..', 'examples');
const read = (file: string): { nodes: TemplateNode[]; connections: Connections; settings: Record<string, unknown> } =>
	JSON.parse(readFileSync(join(examples, file), 'utf8'));

/** Every node reachable from `name`. */
function downstream(connections: Connections, name: string, seen = new Set<string>()): Set<string> {
	for (const output of connections[name]?.main ?? []) {
		for (const { node } of output) {
			if (seen.has(node)) continue;
			seen.add(node);
			downstream(connections, node, seen);
		}
	}
	return seen;
}

describe.each(['broadcast-in-pages-data-table.json', 'broadcast-in-pages-postgres.json'])('the template %s', (file) => {
	const { nodes, connections, settings } = read(file);
	const named = (name: string) => nodes.find((node) => node.name === name)!;
	const pageSizeOfTrigger = "={{ $('When Called for a Page').first().json.pageSize }}";

	it('runs each page as an execution of its own, calling itself, and keeps no successful execution', () => {
		expect(named('Send One Page').parameters).toMatchObject({
			workflowId: { value: '={{ $workflow.id }}' },
			mode: 'once',
			options: { waitForSubWorkflow: true },
		});
		expect(named('When Called for a Page').parameters).toEqual({ inputSource: 'passthrough' });
		expect(connections['More Pages?'].main[0]).toEqual([expect.objectContaining({ node: 'Page Request' })]);
		expect(settings).toEqual({ executionOrder: 'v1', saveDataSuccessExecution: 'none' });
	});

	it('reads available rows of the topic in psid order, Page Size of them, after the last page', () => {
		const reader = named('Page of Token Rows');
		if (reader.type === 'n8n-nodes-base.dataTable') {
			expect(reader.parameters).toMatchObject({
				matchType: 'allConditions',
				limit: '={{ $json.pageSize }}',
				orderBy: true,
				orderByColumn: 'psid',
				orderByDirection: 'ASC',
			});
			expect((reader.parameters.filters as { conditions: unknown[] }).conditions).toEqual([
				{ keyName: 'topic', condition: 'eq', keyValue: '={{ $json.topic }}' },
				{ keyName: 'status', condition: 'eq', keyValue: 'available' },
				{ keyName: 'psid', condition: 'gt', keyValue: '={{ $json.after }}' },
			]);
		} else {
			expect(reader.parameters.query).toBe(
				'SELECT * FROM otn_tokens WHERE "topic" = $1 AND "status" = \'available\' AND "psid" COLLATE "C" > $2 ORDER BY "psid" COLLATE "C" LIMIT $3',
			);
			expect(reader.parameters.options).toEqual({ queryReplacement: '={{ [$json.topic, $json.after, $json.pageSize] }}' });
		}
		expect(named('Select for Broadcast').parameters.options).toEqual({ pageSize: pageSizeOfTrigger });
	});

	it('writes every row back before Page Done hands the next page over', () => {
		const select = connections['Select for Broadcast'].main;
		expect(select.map((output) => output.map(({ node }) => node))).toEqual([['OTN Broadcast'], ['Write Back Expired'], ['Page Done']]);
		const writers = [...downstream(connections, 'OTN Broadcast'), 'Write Back Expired'].map(named);
		expect(writers.map((node) => node.name).sort()).toEqual(['Write Back Expired', 'Write Back Not Sent', 'Write Back Sent']);
		for (const writer of writers) expect(named('Page Done').position[1]).toBeGreaterThan(writer.position[1]);
		expect(named('Page Done').position[1]).toBeGreaterThan(named('OTN Broadcast').position[1]);
		expect(connections['Page Done']).toBeUndefined();
	});

	it("ends the campaign, instead of starting the next page, when a page's broadcast stopped for a Page-wide reason", () => {
		expect(connections['Send One Page'].main).toEqual([[expect.objectContaining({ node: 'Broadcast Stopped?' })]]);
		expect(connections['Broadcast Stopped?'].main.map((output) => output.map(({ node }) => node))).toEqual([['Campaign Stopped'], ['More Pages?']]);
		expect(named('Campaign Stopped').type).toBe('n8n-nodes-base.stopAndError');
		expect(named('Campaign Stopped').parameters.errorMessage).toContain('{{ $json.stopped }}');
		// Page Done reads the rows OTN Broadcast left unsent for a stop (their `error` starts with "stop: ").
		const pageDone = String(named('Page Done').parameters.jsonOutput);
		expect(pageDone).toContain("$('OTN Broadcast').all(1)");
		expect(pageDone).toContain("startsWith('stop: ')");
		expect(pageDone).toContain('morePages: $json.morePages && !stopped');
	});
});

describe('the template broadcast-shard-in-pages-postgres.json (queue mode: one shard, page by page)', () => {
	const { nodes, connections, settings } = read('broadcast-shard-in-pages-postgres.json');
	const named = (name: string) => nodes.find((node) => node.name === name)!;
	const fromTrigger = (field: string) => `={{ $('When Called for a Page').first().json.${field} }}`;

	it('starts from the shard webhook, with its key, and pages through the shard in executions of their own', () => {
		expect(named('Shard Start').parameters).toMatchObject({ httpMethod: 'POST', authentication: 'headerAuth' });
		expect(connections['Shard Start'].main[0]).toEqual([expect.objectContaining({ node: 'Shard Settings' })]);
		expect(named('Send One Page').parameters).toMatchObject({ workflowId: { value: '={{ $workflow.id }}' }, mode: 'once', options: { waitForSubWorkflow: true } });
		expect(connections['Broadcast Stopped?'].main.map((output) => output.map(({ node }) => node))).toEqual([['Shard Stopped'], ['More Pages?']]);
		expect(settings).toEqual({ executionOrder: 'v1', saveDataSuccessExecution: 'none' });
	});

	it("reads only its shard's rows, a page at a time, and sends at its share of the Page's rate", () => {
		const reader = named('Page of Token Rows');
		expect(reader.parameters.query).toContain('"psid" COLLATE "C" > $2');
		// The shard formula of the README: the first 32 bits of sha256("<pageId>:<psid>") modulo the Shard Count.
		expect(reader.parameters.query).toContain(`substr(encode(sha256(convert_to("pageId" || ':' || "psid", 'UTF8')), 'hex'), 1, 8))::bit(32)::bigint % $4) + 1 = $5`);
		expect(reader.parameters.options).toEqual({ queryReplacement: '={{ [$json.topic, $json.after, $json.pageSize, $json.shardCount, $json.shardNumber] }}' });
		expect(named('Select for Broadcast').parameters.options).toEqual({ pageSize: fromTrigger('pageSize'), shardCount: fromTrigger('shardCount'), shardNumber: fromTrigger('shardNumber') });
		expect(named('OTN Broadcast').parameters.options).toEqual({ shardsSharingRate: fromTrigger('shardCount') });
	});
});
