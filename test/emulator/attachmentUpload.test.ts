import { activeSubscriber, expectGraphError, newPage, send, startHarness, type Harness, type TestPage } from './helpers';

/**
 * Meta's Attachment Upload API as its reference shows it (curl -F 'message=…' -F 'filedata=@…'),
 * then sends that name the returned attachment_id:
 * https://developers.facebook.com/docs/messenger-platform/reference/attachment-upload-api
 */

let h: Harness;
let page: TestPage;

beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => h.emulator.close());
beforeEach(async () => {
	page = await newPage(h.control);
});

/** A multipart upload made by Node's own FormData, as curl's -F sends it. */
async function upload(token: string, type: string, file: { bytes: Buffer; name: string; mime: string } | undefined, payload: Record<string, unknown> = { is_reusable: true }) {
	const form = new FormData();
	form.append('message', JSON.stringify({ attachment: { type, payload } }));
	if (file) form.append('filedata', new Blob([file.bytes], { type: file.mime }), file.name);
	const response = await fetch(`${h.emulator.url}/v25.0/me/message_attachments?access_token=${token}`, { method: 'POST', body: form });
	return { status: response.status, data: (await response.json()) as { attachment_id: string; error: { code: number; error_subcode?: number; message: string } } };
}

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]);

function mediaTo(psid: string, type: string, attachmentId: string) {
	return { recipient: { id: psid }, messaging_type: 'RESPONSE', message: { attachment: { type, payload: { attachment_id: attachmentId } } } };
}

describe('Attachment Upload API', () => {
	it('keeps the uploaded bytes exactly and answers a numeric attachment_id', async () => {
		const { status, data } = await upload(page.pageToken, 'image', { bytes: png, name: 'shirt.png', mime: 'image/png' });
		expect(status).toBe(200);
		expect(data.attachment_id).toMatch(/^\d+$/);
		const [saved] = await h.control.attachments({ pageId: page.pageId });
		expect(saved).toMatchObject({ attachmentId: data.attachment_id, type: 'image', isReusable: true, fileName: 'shirt.png', contentType: 'image/png', size: png.length });
		expect(Buffer.from(saved.dataBase64 ?? '', 'base64').equals(png)).toBe(true);
	});

	it('sends one upload to many subscribers by its attachment_id', async () => {
		const { data } = await upload(page.pageToken, 'video', { bytes: png, name: 'clip.mp4', mime: 'video/mp4' });
		const ana = await activeSubscriber(h.control, page.pageId);
		const ben = await activeSubscriber(h.control, page.pageId);
		for (const psid of [ana, ben]) expect((await send(h.graph, page.pageToken, mediaTo(psid, 'video', data.attachment_id))).status).toBe(200);
		const received = await h.control.deliveries({ pageId: page.pageId });
		expect(received.map((d) => [d.psid, d.message.attachment])).toEqual([
			[ana, { type: 'video', payload: { attachment_id: data.attachment_id } }],
			[ben, { type: 'video', payload: { attachment_id: data.attachment_id } }],
		]);
	});

	it('refuses an attachment_id of another Page, one not saved as reusable, or of another type, and delivers nothing', async () => {
		const other = await newPage(h.control);
		const { data: foreign } = await upload(other.pageToken, 'image', { bytes: png, name: 'a.png', mime: 'image/png' });
		const { data: oneOff } = await upload(page.pageToken, 'image', { bytes: png, name: 'a.png', mime: 'image/png' }, {});
		const { data: image } = await upload(page.pageToken, 'image', { bytes: png, name: 'a.png', mime: 'image/png' });
		const psid = await activeSubscriber(h.control, page.pageId);
		expectGraphError(await send(h.graph, page.pageToken, mediaTo(psid, 'image', foreign.attachment_id)), { code: 100, message: /not an attachment of this Page/ });
		expectGraphError(await send(h.graph, page.pageToken, mediaTo(psid, 'image', oneOff.attachment_id)), { code: 100, message: /is_reusable/ });
		expectGraphError(await send(h.graph, page.pageToken, mediaTo(psid, 'file', image.attachment_id)), { code: 100, message: /must be image/ });
		expect(await h.control.deliveries({ pageId: page.pageId })).toEqual([]);
	});

	it('refuses an empty file with 100/2018047, audio without an audio type, and a message without a file or URL', async () => {
		const empty = await upload(page.pageToken, 'file', { bytes: Buffer.alloc(0), name: 'empty.pdf', mime: 'application/pdf' });
		expect(empty.status).toBe(400);
		expect(empty.data.error).toMatchObject({ code: 100, error_subcode: 2018047 });
		const audio = await upload(page.pageToken, 'audio', { bytes: png, name: 'song.mp3', mime: 'application/octet-stream' });
		expect(audio.data.error.message).toMatch(/audio\/\* Content-Type/);
		const nothing = await upload(page.pageToken, 'image', undefined);
		expect(nothing.data.error.message).toMatch(/exactly one of/);
		expect(await h.control.attachments({ pageId: page.pageId })).toEqual([]);
	});

	it('saves a file over 25 MB nowhere (100/2018047)', async () => {
		const big = await upload(page.pageToken, 'file', { bytes: Buffer.alloc(25_000_001), name: 'big.zip', mime: 'application/zip' });
		expect(big.data.error).toMatchObject({ code: 100, error_subcode: 2018047 });
		expect(await h.control.attachments({ pageId: page.pageId })).toEqual([]);
	});

	it('saves from a URL too', async () => {
		const response = await h.graph.post(
			'/v25.0/me/message_attachments',
			{ message: { attachment: { type: 'file', payload: { url: 'https://shop.example/menu.pdf', is_reusable: true } } } },
			{ params: { access_token: page.pageToken } },
		);
		expect(response.status).toBe(200);
		const [saved] = await h.control.attachments({ pageId: page.pageId });
		expect(saved).toMatchObject({ attachmentId: response.data.attachment_id, url: 'https://shop.example/menu.pdf' });
	});
});
