/** {{first_name}}, {{last_name}} and {{full_name}}: filled per subscriber, a fallback where Meta gives no name, and a profile lookup only when a macro is there. */
import type { IDataObject } from 'n8n-workflow';

import { readBroadcastSettings } from '../../../nodes/OtnBroadcast/broadcastSettings';
import { personaliseSends } from '../../../nodes/OtnBroadcast/personaliseSends';
import type { PlannedSend } from '../../../nodes/OtnBroadcast/planBroadcast';
import { paidMessageProblems } from '../../../nodes/shared/messages/paidMessageChecks';
import { hasNameMacro, renderNameMacros } from '../../../nodes/shared/personalise/nameMacros';
import { SubscriberNames, type NameReader } from '../../../nodes/shared/personalise/subscriberNames';
import { readSubscriberName } from '../../../nodes/shared/personalise/userProfile';
import type { DistinctRow } from '../../../nodes/shared/tokens/dedupeRows';
import type { TokenRow } from '../../../nodes/shared/tokens/tokenRow';
import { fakeExecuteContext } from '../requestOtn/fakeExecuteContext';
import { PAGE, tokenRow } from '../tokenStore/tokenRows';

const ADA = { firstName: 'Ada', lastName: 'Lovelace' };

describe('rendering name macros', () => {
	it('fills each macro with the name, spaces inside the braces allowed', () => {
		const message = { text: 'Hi {{first_name}}! {{ last_name }}, {{full_name}}' };
		expect(renderNameMacros(message, ADA, 'there')).toEqual({ text: 'Hi Ada! Lovelace, Ada Lovelace' });
	});

	it('puts the fallback where Meta gave no name, and makes the full name of what there is', () => {
		const message = { text: 'Hi {{first_name}} {{last_name}} / {{full_name}}' };
		expect(renderNameMacros(message, undefined, 'there')).toEqual({ text: 'Hi there there / there' });
		expect(renderNameMacros(message, { firstName: 'Ada' }, 'friend')).toEqual({ text: 'Hi Ada friend / Ada' });
	});

	it('inserts a name as written: no second pass over a name that looks like a macro, no $& replacement patterns', () => {
		const message = { text: 'Hi {{first_name}} and {{last_name}}' };
		expect(renderNameMacros(message, { firstName: '{{last_name}}', lastName: '$& $1' }, 'x')).toEqual({ text: 'Hi {{last_name}} and $& $1' });
	});

	it('leaves other braces alone: an unknown macro and single braces stay as they are', () => {
		const message = { text: 'Hi {{first}} {name} {{ $json.psid }}' };
		expect(hasNameMacro(message)).toBe(false);
		expect(renderNameMacros(message, ADA, 'there')).toEqual(message);
	});

	it("fills a button template's text and a generic template's titles and subtitles, never a button", () => {
		const button = { type: 'postback', title: '{{first_name}}', payload: '{{first_name}}' };
		const message: IDataObject = {
			attachment: {
				type: 'template',
				payload: { template_type: 'generic', elements: [{ title: 'For {{first_name}}', subtitle: 'Dear {{full_name}}', buttons: [button] }] },
			},
		};
		const payload = (renderNameMacros(message, ADA, 'there').attachment as IDataObject).payload as IDataObject;
		expect(payload.elements).toEqual([{ title: 'For Ada', subtitle: 'Dear Ada Lovelace', buttons: [button] }]);
		const buttons = { attachment: { type: 'template', payload: { template_type: 'button', text: 'Hi {{first_name}}', buttons: [button] } } };
		expect(((renderNameMacros(buttons, ADA, 'there').attachment as IDataObject).payload as IDataObject).text).toBe('Hi Ada');
		// The message it was given is not changed.
		expect(((message.attachment as IDataObject).payload as IDataObject).elements).toEqual([{ title: 'For {{first_name}}', subtitle: 'Dear {{full_name}}', buttons: [button] }]);
	});
});

function planned(label: string, psid: string, text: string): PlannedSend {
	const row = tokenRow(label, { psid }) as TokenRow & { token: string };
	return { distinct: { row, itemIndexes: [0] } as DistinctRow<TokenRow>, row, message: { text } };
}

describe('personalising a broadcast', () => {
	it('reads each subscriber once however many rows name them, and never for a message without a macro', async () => {
		const read = jest.fn<ReturnType<NameReader>, Parameters<NameReader>>(async (_page, psid) => (psid === '1' ? ADA : undefined));
		const names = new SubscriberNames(read);
		const sends = [planned('a', '1', 'Hi {{first_name}}'), planned('b', '1', 'Again {{first_name}}'), planned('c', '2', 'Hi {{first_name}}'), planned('d', '3', 'No macro')];
		const out = await personaliseSends(sends, names, 'there', 2);
		expect(out.map((send) => send.message.text)).toEqual(['Hi Ada', 'Again Ada', 'Hi there', 'No macro']);
		expect(read.mock.calls.sort()).toEqual([[PAGE, '1'], [PAGE, '2']]);
		// The rows are untouched: the name goes into the message only.
		expect(out.map((send) => send.row)).toEqual(sends.map((send) => send.row));
		expect(JSON.stringify(out.map((send) => send.row))).not.toContain('Ada');
	});

	it('makes no lookup at all when no message holds a macro', async () => {
		const read = jest.fn<ReturnType<NameReader>, Parameters<NameReader>>(async () => ADA);
		await personaliseSends([planned('a', '1', 'Hi'), planned('b', '2', 'Hi {{ $json.x }}')], new SubscriberNames(read), 'there', 4);
		expect(read).not.toHaveBeenCalled();
	});

	it('falls back when the lookup throws, and does not ask again for that subscriber', async () => {
		const read = jest.fn<ReturnType<NameReader>, Parameters<NameReader>>(async () => {
			throw new Error('network down');
		});
		const out = await personaliseSends([planned('a', '1', 'Hi {{first_name}}'), planned('b', '1', 'Hi {{full_name}}')], new SubscriberNames(read), 'there', 1);
		expect(out.map((send) => send.message.text)).toEqual(['Hi there', 'Hi there']);
		expect(read).toHaveBeenCalledTimes(1);
	});
});

describe('reading a profile', () => {
	it('asks Meta for the two names only and keeps what it gives', async () => {
		const call = jest.fn().mockResolvedValue({ ok: true, status: 200, body: { first_name: 'Ada', id: '1' } });
		expect(await readSubscriberName({ call }, '1234')).toEqual({ firstName: 'Ada' });
		expect(call).toHaveBeenCalledWith('GET', '/1234', { qs: { fields: 'first_name,last_name' } });
	});

	it("has no name when Meta refuses (the Page may not read profiles) and makes no call for a PSID that is not one", async () => {
		const error = { httpStatus: 400, code: 100, subcode: 33, message: 'Unsupported get request.' };
		const call = jest.fn().mockResolvedValue({ ok: false, error });
		const refused = jest.fn();
		expect(await readSubscriberName({ call }, '1234', refused)).toBeUndefined();
		// The refusal goes to the pacer's check only (a rate limit slows the sends), never into the name.
		expect(refused).toHaveBeenCalledWith(error);
		expect(await readSubscriberName({ call }, '../me/messages')).toBeUndefined();
		expect(call).toHaveBeenCalledTimes(1);
	});
});

describe('name macros through the paid API', () => {
	it("refuses a macro in a text, where Meta documents none, and takes one in a generic template's title", () => {
		expect(paidMessageProblems({ text: 'Hi {{first_name}}' }).map((problem) => problem.field)).toEqual(['Text']);
		const generic = { attachment: { type: 'template', payload: { template_type: 'generic', elements: [{ title: 'Hi {{first_name}}' }] } } };
		expect(paidMessageProblems(generic)).toEqual([]);
	});
});

describe('Name Fallback', () => {
	const settings = (options: IDataObject) => readBroadcastSettings(fakeExecuteContext({ parameters: { campaign: 'spring', options } }).context);

	it('is "there" unless the user sets another, an empty text included', () => {
		expect(settings({}).nameFallback).toBe('there');
		expect(settings({ nameFallback: 'friend' }).nameFallback).toBe('friend');
		expect(settings({ nameFallback: '' }).nameFallback).toBe('');
	});
});
