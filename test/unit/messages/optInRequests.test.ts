import {
	DEFAULT_MARKETING_CTA_TEXT,
	MARKETING_CTA_TEXTS,
	marketingOptInRequest,
} from '../../../nodes/shared/messages/marketingOptInRequest';
import type { Built } from '../../../nodes/shared/messages/messageProblem';
import type { MessengerMessage } from '../../../nodes/shared/messages/messageTypes';
import { oneTimeNotificationRequest } from '../../../nodes/shared/messages/oneTimeNotificationRequest';

function problemsOf(built: Built<MessengerMessage>): string[] {
	return built.ok ? [] : built.problems.map((problem) => problem.message);
}

describe('one-time notification request', () => {
	it('builds the one_time_notif_req template with the topic as its payload', () => {
		expect(oneTimeNotificationRequest({ title: 'Red sneakers are back in stock', topic: 'restock:red-sneakers' })).toEqual({
			ok: true,
			message: {
				attachment: {
					type: 'template',
					payload: { template_type: 'one_time_notif_req', title: 'Red sneakers are back in stock', payload: 'restock:red-sneakers' },
				},
			},
		});
	});

	it('takes a title of 1 to 65 characters', () => {
		expect(oneTimeNotificationRequest({ title: 'x'.repeat(65), topic: 'deals' }).ok).toBe(true);
		expect(problemsOf(oneTimeNotificationRequest({ title: 'x'.repeat(66), topic: 'deals' }))).toEqual([
			'Title has 66 characters; Messenger allows 1 to 65 characters',
		]);
		expect(problemsOf(oneTimeNotificationRequest({ title: '', topic: 'deals' }))).toEqual([
			'Title is empty; Messenger requires 1 to 65 characters',
		]);
	});

	it('needs a topic of 1 to 1000 characters', () => {
		expect(oneTimeNotificationRequest({ title: 'Deals', topic: 't'.repeat(1000) }).ok).toBe(true);
		expect(problemsOf(oneTimeNotificationRequest({ title: 'Deals', topic: '' }))).toEqual([
			'Topic is empty; Messenger requires 1 to 1000 characters',
		]);
		expect(problemsOf(oneTimeNotificationRequest({ title: 'Deals', topic: 't'.repeat(1001) }))).toEqual([
			'Topic has 1001 characters; Messenger allows 1 to 1000 characters',
		]);
	});

	it('reports title and topic together', () => {
		expect(problemsOf(oneTimeNotificationRequest({ title: '', topic: '' }))).toHaveLength(2);
	});
});

describe('marketing messages opt-in request', () => {
	it('sends only the payload when nothing else is set, so Meta applies its defaults', () => {
		expect(marketingOptInRequest({ topic: 'weekly-deals' })).toEqual({
			ok: true,
			message: { attachment: { type: 'template', payload: { template_type: 'notification_messages', payload: 'weekly-deals' } } },
		});
		expect(marketingOptInRequest({ title: '', topic: 'weekly-deals', imageUrl: '', imageAspectRatio: '', ctaText: '', timezone: '' })).toEqual(
			marketingOptInRequest({ topic: 'weekly-deals' }),
		);
	});

	it('builds the notification_messages template with every field given', () => {
		const built = marketingOptInRequest({
			title: 'Weekly deals',
			topic: 'weekly-deals',
			imageUrl: 'https://shop.example/deals.png',
			imageAspectRatio: 'SQUARE',
			ctaText: 'SIGN_UP',
			timezone: 'Europe/Paris',
		});
		expect(built).toEqual({
			ok: true,
			message: {
				attachment: {
					type: 'template',
					payload: {
						template_type: 'notification_messages',
						payload: 'weekly-deals',
						title: 'Weekly deals',
						image_url: 'https://shop.example/deals.png',
						image_aspect_ratio: 'SQUARE',
						notification_messages_cta_text: 'SIGN_UP',
						notification_messages_timezone: 'Europe/Paris',
					},
				},
			},
		});
	});

	it("offers exactly Messenger's five button texts (not Instagram's FREQUENCY), GET_UPDATES by default", () => {
		expect(Object.keys(MARKETING_CTA_TEXTS)).toEqual(['ALLOW', 'GET', 'GET_UPDATES', 'OPT_IN', 'SIGN_UP']);
		expect(MARKETING_CTA_TEXTS[DEFAULT_MARKETING_CTA_TEXT]).toBe('Get updates');
	});

	it('checks each field against its limit', () => {
		expect(marketingOptInRequest({ title: 'x'.repeat(65), topic: 'deals' }).ok).toBe(true);
		expect(
			problemsOf(
				marketingOptInRequest({
					title: 'x'.repeat(66),
					topic: '',
					imageUrl: 'deals.png',
					imageAspectRatio: 'WIDE',
					ctaText: 'SUBSCRIBE',
					timezone: 'Paris',
				}),
			),
		).toEqual([
			'Title has 66 characters; Messenger allows at most 65 characters',
			'Topic is empty; Messenger requires 1 to 1000 characters',
			'Image URL is not an http or https URL',
			'Image aspect ratio "WIDE" is not a value Messenger knows; it allows one of HORIZONTAL, SQUARE',
			'Button text "SUBSCRIBE" is not a value Messenger knows; it allows one of ALLOW, GET, GET_UPDATES, OPT_IN, SIGN_UP',
			'Timezone "Paris" is not a time zone; Messenger expects an IANA time zone such as Europe/Paris',
		]);
	});
});
