// The message model and the emulator agree on every limit: at the limit the model builds a
// message the emulator delivers; one past it the model refuses before any call, and the emulator,
// sent that same shape directly, refuses it with error 100 as Meta does.
import { createGraphClient } from '../../nodes/shared/graph/graphClient';
import { buttonTemplateMessage } from '../../nodes/shared/messages/buttonTemplate';
import { genericTemplateMessage } from '../../nodes/shared/messages/genericTemplate';
import { marketingOptInRequest } from '../../nodes/shared/messages/marketingOptInRequest';
import type { Built } from '../../nodes/shared/messages/messageProblem';
import type { MessengerMessage } from '../../nodes/shared/messages/messageTypes';
import { oneTimeNotificationRequest } from '../../nodes/shared/messages/oneTimeNotificationRequest';
import { withQuickReplies } from '../../nodes/shared/messages/quickReplies';
import { textMessage } from '../../nodes/shared/messages/textMessage';
import { runInNodeContext } from '../harness/n8nEngine';
import { useEmulator } from './emulatorFixture';

const emulator = useEmulator();

/** Two UTF-16 units each: counted as one character by Meta, the emulator and the model. */
const chars = (n: number) => '😀'.repeat(n);
const postback = (title = 'Go', payload = 'GO') => ({ kind: 'postback' as const, title, payload });
const reply = (title = 'Yes', payload = 'YES') => ({ title, payload });
const template = ['attachment', 'payload'];

/** name, Meta's limit, the model's message of size n, and where in it the size shows. */
const CASES: Array<[string, number, (n: number) => Built<MessengerMessage>, Array<string | number>]> = [
	['text length', 1999, (n) => textMessage(chars(n)), ['text']],
	['quick replies', 13, (n) => withQuickReplies(textMessage('Pick'), Array.from({ length: n }, () => reply())), ['quick_replies']],
	['quick reply title', 20, (n) => withQuickReplies(textMessage('Pick'), [reply(chars(n))]), ['quick_replies', 0, 'title']],
	['quick reply payload', 1000, (n) => withQuickReplies(textMessage('Pick'), [reply('Yes', chars(n))]), ['quick_replies', 0, 'payload']],
	['button template text', 640, (n) => buttonTemplateMessage(chars(n), [postback()]), [...template, 'text']],
	['buttons on a button template', 3, (n) => buttonTemplateMessage('Pick', Array.from({ length: n }, () => postback())), [...template, 'buttons']],
	['button title', 20, (n) => buttonTemplateMessage('Pick', [postback(chars(n))]), [...template, 'buttons', 0, 'title']],
	['postback payload', 1000, (n) => buttonTemplateMessage('Pick', [postback('Go', chars(n))]), [...template, 'buttons', 0, 'payload']],
	['generic elements', 10, (n) => genericTemplateMessage(Array.from({ length: n }, () => ({ title: 'Card' }))), [...template, 'elements']],
	['generic title', 80, (n) => genericTemplateMessage([{ title: chars(n) }]), [...template, 'elements', 0, 'title']],
	['generic subtitle', 80, (n) => genericTemplateMessage([{ title: 'Card', subtitle: chars(n) }]), [...template, 'elements', 0, 'subtitle']],
	[
		'buttons on a generic element',
		3,
		(n) => genericTemplateMessage([{ title: 'Card', buttons: Array.from({ length: n }, () => postback()) }]),
		[...template, 'elements', 0, 'buttons'],
	],
	['one-time notification title', 65, (n) => oneTimeNotificationRequest({ title: chars(n), topic: 'deals' }), [...template, 'title']],
	['one-time notification topic', 1000, (n) => oneTimeNotificationRequest({ title: 'Deals', topic: chars(n) }), [...template, 'payload']],
	['marketing opt-in title', 65, (n) => marketingOptInRequest({ title: chars(n), topic: 'deals' }), [...template, 'title']],
];

/** A copy of `message` with the part at `path` one character, or one item, longer. */
function onePast(message: MessengerMessage, path: Array<string | number>): MessengerMessage {
	const copy = JSON.parse(JSON.stringify(message)) as MessengerMessage;
	const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, copy);
	const last = path[path.length - 1];
	const part = parent[last];
	parent[last] = Array.isArray(part) ? [...part, part[0]] : `${String(part)}😀`;
	return copy;
}

describe('the message model and the emulator agree on each limit', () => {
	it.each(CASES)('%s: %i', async (_name, limit, build, path) => {
		const page = await emulator.newPage();
		const psid = await emulator.activeSubscriber(page.pageId);
		const send = (message: MessengerMessage) =>
			runInNodeContext(page.credentials, async (context) =>
				(await createGraphClient(context)).sendMessage({ recipient: { id: psid }, message, messaging_type: 'RESPONSE' }),
			);

		const atLimit = build(limit);
		if (!atLimit.ok) throw new Error(`the model refused a message at the limit: ${atLimit.problems[0].message}`);
		expect(await send(atLimit.message)).toMatchObject({ ok: true });

		const past = onePast(atLimit.message, path);
		const refused = build(limit + 1);
		expect(refused.ok).toBe(false);
		expect(await send(past)).toMatchObject({ ok: false, error: { code: 100 } });
		expect(await emulator.control.deliveries({ pageId: page.pageId, psid })).toHaveLength(1);
	});
});
