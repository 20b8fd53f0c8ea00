/**
 * Every webhook a template publishes is guarded: n8n's Webhook nodes ask for a Header Auth key, and
 * the Messenger OTN Trigger checks Meta's signature with the App secret. Once published, nobody who
 * merely guesses a path can start a broadcast. The paid broadcast bills only the campaign the
 * workflow names: nothing in the call can choose another.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface TemplateNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

const examples = join(__dirname, '..', '..', 'examples');
const files = readdirSync(examples).filter((file) => file.endsWith('.json'));
const nodesOf = (file: string): TemplateNode[] => (JSON.parse(readFileSync(join(examples, file), 'utf8')) as { nodes: TemplateNode[] }).nodes;
const webhooks = files.flatMap((file) => nodesOf(file).filter((node) => node.type === 'n8n-nodes-base.webhook').map((node) => [file, node] as const));

it('the templates publish webhooks (so the check below checks something)', () => {
	expect(webhooks.map(([file]) => file)).toEqual(expect.arrayContaining(['broadcast-in-shards.json', 'broadcast-shard-postgres.json', 'broadcast.json', 'paid-broadcast.json']));
});

it.each(webhooks)('%s: its Webhook node asks for a Header Auth key', (_file, node) => {
	expect(node.parameters.authentication).toBe('headerAuth');
	expect(Object.keys(node.credentials ?? {})).toEqual(['httpHeaderAuth']);
});

const triggers = files.flatMap((file) => nodesOf(file).filter((node) => node.type === 'n8n-nodes-messenger-otn.messengerOtnTrigger').map((node) => [file, node] as const));

it.each(triggers)('%s: its Messenger OTN Trigger has the Page credential, whose App secret checks every call', (_file, trigger) => {
	expect(Object.keys(trigger.credentials ?? {})).toEqual(['messengerOtnPageApi']);
});

it("paid-broadcast.json: the campaign is the workflow's own setting, never taken from the call", () => {
	const nodes = nodesOf('paid-broadcast.json');
	const campaign = nodes.find((node) => node.name === 'Campaign');
	expect(JSON.stringify(campaign?.parameters)).toContain('"value":"PASTE-THE-CAMPAIGN-ID"');
	expect(JSON.stringify(nodes)).not.toMatch(/\$json\.body|\$\('Start by Webhook'\)/);
	const broadcast = nodes.find((node) => node.type === 'n8n-nodes-messenger-otn.otnBroadcast');
	expect(broadcast?.parameters.campaignId).toBe("={{ $('Campaign').first().json.campaignId }}");
});
