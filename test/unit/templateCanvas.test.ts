/** What a user sees on the canvas of each template: a note that explains it, and named branches. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface TemplateNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}

const examples = join(__dirname, '..', '..', 'examples');
const templates = readdirSync(examples).filter((file) => file.endsWith('.json'));
const read = (file: string): { nodes: TemplateNode[]; connections: Record<string, { main: unknown[][] }> } =>
	JSON.parse(readFileSync(join(examples, file), 'utf8'));

it('there are templates to check', () => {
	expect(templates.length).toBeGreaterThanOrEqual(8);
});

describe.each(templates)('the template %s', (file) => {
	const { nodes, connections } = read(file);

	it('explains itself in a sticky note', () => {
		const notes = nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
		expect(notes.length).toBeGreaterThan(0);
		for (const note of notes) expect(String(note.parameters.content)).toMatch(/^## \S/);
	});

	it('names every output of its Switch nodes, one rule per connected output', () => {
		for (const node of nodes.filter((each) => each.type === 'n8n-nodes-base.switch')) {
			const rules = (node.parameters.rules as { values: Array<{ renameOutput: boolean; outputKey: string }> }).values;
			expect(rules.length).toBeGreaterThan(1);
			for (const rule of rules) expect([rule.renameOutput, rule.outputKey.length > 0]).toEqual([true, true]);
			expect(new Set(rules.map((rule) => rule.outputKey)).size).toBe(rules.length);
			expect(connections[node.name].main.length).toBeLessThanOrEqual(rules.length);
		}
	});

	it('leaves Apply Event to find the trigger, so renaming the trigger does not break it', () => {
		for (const node of nodes.filter((each) => each.parameters?.operation === 'applyEvent')) expect(node.parameters.event).toBeUndefined();
	});
});
