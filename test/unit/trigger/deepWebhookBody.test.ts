import { MessengerOtnTrigger } from '../../../nodes/MessengerOtnTrigger/MessengerOtnTrigger.node';
import { MESSENGER_EVENT_TYPES } from '../../../nodes/shared/webhook/messengerEvents';
import { envelope, EVENTS, PAGE_ID } from '../../fixtures/messengerWebhooks';
import { signedPost } from './fakeWebhookContext';

const trigger = new MessengerOtnTrigger();
const OPT_IN = JSON.stringify(EVENTS.otnOptin);

/** `{"a":{"a":…1…}}`, `levels` objects deep, written as bytes: no JavaScript value this deep is ever built by the test. */
function nested(levels: number): string {
	return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/** A message event whose attachment payload nests `levels` deep: signed, so it passes the signature check. */
function deepMessage(levels: number): string {
	const { sender, recipient, timestamp } = EVENTS.message;
	const head = JSON.stringify({ sender, recipient, timestamp }).slice(0, -1);
	return `${head},"message":{"mid":"m_deep","attachments":[{"type":"file","payload":${nested(levels)}}]}}`;
}

async function post(body: string) {
	const { context, response } = signedPost(body, { parameters: { events: [...MESSENGER_EVENT_TYPES] } });
	const result = await trigger.webhook.call(context);
	return { items: (result.workflowData?.[0] ?? []).map((item) => item.json), response };
}

describe('Messenger OTN Trigger: a signed body nested thousands of levels deep', () => {
	for (const levels of [3_000, 100_000]) {
		it(`turns a ${levels}-level event into one invalid item, and the opt-in beside it still runs`, async () => {
			const body = `{"object":"page","entry":[{"id":"${PAGE_ID}","time":1458692752478,"messaging":[${deepMessage(levels)},${OPT_IN}]}]}`;
			const { items } = await post(body);
			expect(items.map((item) => item.type)).toEqual(['invalid', 'otn_optin']);
			expect(items[0]).toMatchObject({ intendedType: 'unknown', pageId: PAGE_ID, error: expect.stringContaining('nests deeper than 64 levels') });
			expect(items[0].eventId).toMatch(/^evt_[0-9a-f]{32}$/);
			expect(items[1]).toMatchObject({ token: 'OTN-TOKEN-1', topic: 'deals' });
			// n8n serialises every item into the execution: the invalid item's raw is cut short enough for that.
			expect(JSON.stringify(items[0]).length).toBeLessThan(5_000);
			expect(JSON.stringify(items[0])).toContain('[cut: nested deeper than 64 levels]');
		});
	}

	it('gives the same deep event the same id on Meta\'s retry, and a paid receipt nested deep is one invalid item too', async () => {
		const deepChange = `{"field":"marketing_message_deliveries","value":${nested(5_000)}}`;
		const body = `{"object":"page","entry":[{"id":"${PAGE_ID}","changes":[${deepChange}],"messaging":[${deepMessage(5_000)}]}]}`;
		const first = await post(body);
		const retry = await post(body);
		expect(first.items.map((item) => item.type)).toEqual(['invalid', 'invalid']);
		expect(retry.items.map((item) => item.eventId)).toEqual(first.items.map((item) => item.eventId));
	});

	it('reads the other entries when one entry\'s Page id is a list nested deep', async () => {
		const deepId = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
		const body = `{"object":"page","entry":[{"id":${deepId},"messaging":[]},${JSON.stringify(envelope([EVENTS.otnOptin]).entry[0])}]}`;
		const { items } = await post(body);
		expect(items.map((item) => item.type)).toEqual(['otn_optin']);
	});

	it('answers 400 to a body whose object is nested deep', async () => {
		const { response } = await post(`{"object":${nested(10_000)},"entry":[]}`);
		expect(response).toMatchObject({ statusCode: 400, body: 'The body\'s object is not "page"' });
	});
});
