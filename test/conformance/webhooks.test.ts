/**
 * Meta's webhooks as Meta and public code show them (test/fixtures/meta), signed and posted to the
 * trigger byte for byte, then taken by Token Store as a real Page's workflow would: what each must
 * come out as for a user's token rows to be right.
 */
import { tokenRowFromOptIn } from '../../nodes/shared/tokens/tokenRowFromOptIn';
import { hasProblem } from '../../nodes/shared/tokens/rowProblem';
import { tokenIdOf } from '../../nodes/shared/tokens/tokenId';
import { applyEvent, storedTokenRow } from './applyEvent';
import { triggerItems, webhookBytes } from './metaSamples';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (file: string) => triggerItems(webhookBytes(file));

async function onlyItem(file: string) {
	const items = await at(file);
	expect(items).toHaveLength(1);
	return items[0];
}

describe('opt-ins become token rows', () => {
	it("one-time notification opt-in (Meta's OTN page): a one_time row with the token and the request's payload as topic, expiring a year later", async () => {
		const item = await onlyItem('webhooks/otn-optin.meta-one-time-notification.json');
		expect(item).toMatchObject({ type: 'otn_optin', pageId: '682498171943165', psid: '1254459154682919', token: '<ONE_TIME_TOKEN>', topic: '<USER_DEFINED_PAYLOAD>' });
		const check = tokenRowFromOptIn(item);
		if (hasProblem(check)) throw new Error(check.problem.message);
		expect(check.row).toMatchObject({
			tokenId: tokenIdOf('<ONE_TIME_TOKEN>'),
			token: '<ONE_TIME_TOKEN>',
			tokenType: 'one_time',
			topic: '<USER_DEFINED_PAYLOAD>',
			status: 'available',
			optedInAt: iso(1458692752478),
			expiresAt: '2017-03-23T00:25:52.478Z',
		});
	});

	it('marketing opt-in (nyaruka/courier): a marketing row with title, time zone, and the millisecond token_expiry_timestamp read as 2038, not as a date thousands of years ahead', async () => {
		const item = await onlyItem('webhooks/marketing-optin.courier.json');
		expect(item).toMatchObject({ type: 'marketing_optin', pageId: '1234567890', psid: '5678', topic: '3456', title: 'Bird Facts', timezone: 'UTC' });
		const check = tokenRowFromOptIn(item);
		if (hasProblem(check)) throw new Error(check.problem.message);
		expect(check.row).toMatchObject({
			token: '12345678901234567890',
			tokenType: 'marketing',
			title: 'Bird Facts',
			timezone: 'UTC',
			optedInAt: iso(1459991487970),
			expiresAt: '2038-01-01T00:00:00.000Z',
			status: 'available',
		});
	});
});

describe('stop and resume change the topic\'s token row', () => {
	const token = 'NOTIFICATION-MESSAGES-TOKEN';
	const row = (status: 'available' | 'revoked') =>
		storedTokenRow({ token, tokenType: 'marketing', pageId: '682498171943165', psid: '1254459154682919', status, expiresAt: null });

	it("stop (Meta's messaging_optins reference, status as printed with a space, timestamp as a string): the row is revoked", async () => {
		const item = await onlyItem('webhooks/marketing-stop.meta-messaging-optins.json');
		expect(item).toMatchObject({ type: 'marketing_stop', timestamp: iso(1458692752478) });
		expect(applyEvent(item, [row('available')])).toEqual([{ key: { tokenId: tokenIdOf(token) }, set: { status: 'revoked' }, itemIndexes: [0] }]);
	});

	it('resume: the revoked row is available again', async () => {
		const item = await onlyItem('webhooks/marketing-resume.meta-messaging-optins.json');
		expect(item).toMatchObject({ type: 'marketing_resume' });
		expect(applyEvent(item, [row('revoked')])).toEqual([{ key: { tokenId: tokenIdOf(token) }, set: { status: 'available' }, itemIndexes: [0] }]);
	});
});

describe('deliveries mark the sent row delivered', () => {
	const MID = 'mid.1458668856218:ed81099e15d3f4f233';
	const WATERMARK = 1458668856253;
	const sent = (pageId: string, psid: string) =>
		storedTokenRow({ token: 'TOKEN-SENT', pageId, psid, status: 'used', lastSentAt: iso(WATERMARK - 1000), messageId: MID });

	it.each([
		['webhooks/delivery-no-timestamp.meta-message-deliveries.json', '682498171943165', '1254459154682919'],
		['webhooks/delivery-no-timestamp.restfb.json', '12345654332', '987654321432'],
		['webhooks/delivery-no-timestamp.bottender.json', '1423587017700273', '404217156637689'],
	])('%s has no timestamp: the delivery is dated by its watermark and the row is delivered', async (file, pageId, psid) => {
		const item = await onlyItem(file);
		expect(item).toMatchObject({ type: 'delivery', pageId, psid, mids: [MID], timestamp: iso(WATERMARK), watermark: iso(WATERMARK) });
		expect(applyEvent(item, [sent(pageId, psid)])).toEqual([{ key: { tokenId: tokenIdOf('TOKEN-SENT') }, set: { deliveredAt: iso(WATERMARK) }, itemIndexes: [0] }]);
	});

	it('a delivery with a timestamp (nyaruka/courier) is dated by it', async () => {
		const item = await onlyItem('webhooks/delivery-with-timestamp.courier.json');
		expect(item).toMatchObject({ type: 'delivery', pageId: '1234567890', psid: '5678', timestamp: iso(1459991487970) });
		expect(applyEvent(item, [sent('1234567890', '5678')])).toEqual([{ key: { tokenId: tokenIdOf('TOKEN-SENT') }, set: { deliveredAt: iso(1459991487970) }, itemIndexes: [0] }]);
	});
});

describe('reads mark the sent row read (and delivered)', () => {
	it.each([
		['webhooks/read.meta-message-reads.json', '682498171943165', '1254459154682919'],
		['webhooks/read.restfb.json', '12345654332', '987654321432'],
	])('%s', async (file, pageId, psid) => {
		const item = await onlyItem(file);
		expect(item).toMatchObject({ type: 'read', pageId, psid, timestamp: iso(1458668856463), watermark: iso(1458668856253) });
		const row = storedTokenRow({ token: 'TOKEN-SENT', pageId, psid, status: 'used', lastSentAt: iso(1458668856000) });
		expect(applyEvent(item, [row])).toEqual([
			{ key: { tokenId: tokenIdOf('TOKEN-SENT') }, set: { deliveredAt: iso(1458668856463), readAt: iso(1458668856463) }, itemIndexes: [0] },
		]);
	});
});

describe('postbacks and quick replies carry what the inbox workflow branches on', () => {
	it('a postback without title or mid (restfb) keeps its payload and referral', async () => {
		expect(await onlyItem('webhooks/postback-referral.restfb.json')).toMatchObject({
			type: 'postback',
			pageId: '12345654332',
			psid: '987654321432',
			payload: 'USER_DEFINED_PAYLOAD',
			title: null,
			mid: null,
			referral: { ref: 'ref_data_in_m_dot_me_param', source: 'SHORTLINK', referralType: 'OPEN_THREAD' },
		});
	});

	it('a postback with title (nyaruka/courier)', async () => {
		expect(await onlyItem('webhooks/postback-referral.courier.json')).toMatchObject({
			type: 'postback',
			psid: '5678',
			title: 'postback title',
			payload: 'postback payload',
			referral: { ref: 'postback ref', source: 'postback source', referralType: 'postback type' },
		});
	});

	it('a quick reply tap (restfb) gives its payload and text', async () => {
		expect(await onlyItem('webhooks/quick-reply.restfb.json')).toMatchObject({
			type: 'quick_reply',
			pageId: '1234567890321',
			psid: '987654321432',
			payload: 'PAYLOAD_QUICK_REPLY',
			text: 'quick reply text',
			mid: 'mid.1458696618141:b4ef9d19ec21086067',
		});
	});
});
