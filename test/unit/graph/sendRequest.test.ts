import { recipientKind, sendRequestBatchItem, sendRequestBody } from '../../../nodes/shared/graph/sendRequest';

describe('send requests', () => {
	const request = {
		recipient: { one_time_notif_token: 'tok & = ?' },
		message: { text: 'Back in stock: 50% off & more' },
		messaging_type: 'UPDATE' as const,
	};

	it('builds the Send API body with only the fields given', () => {
		expect(sendRequestBody(request)).toEqual({
			recipient: { one_time_notif_token: 'tok & = ?' },
			message: { text: 'Back in stock: 50% off & more' },
			messaging_type: 'UPDATE',
		});
	});

	it('turns the same request into a batch item whose form body decodes back to it', () => {
		const item = sendRequestBatchItem(request);
		expect(item.method).toBe('POST');
		expect(item.relative_url).toBe('me/messages');
		const form = new URLSearchParams(String(item.body));
		expect(JSON.parse(form.get('recipient')!)).toEqual(request.recipient);
		expect(JSON.parse(form.get('message')!)).toEqual(request.message);
		expect(form.get('messaging_type')).toBe('UPDATE');
	});

	it('knows the recipient kind, which decides how errors read', () => {
		expect(recipientKind({ id: '1' })).toBe('psid');
		expect(recipientKind({ one_time_notif_token: 't' })).toBe('oneTimeToken');
		expect(recipientKind({ notification_messages_token: 't' })).toBe('marketingToken');
	});
});
