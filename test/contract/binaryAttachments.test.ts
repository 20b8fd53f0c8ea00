// Binary files as Messenger media, in n8n-core's real engine against the emulator: the file's bytes
// reach Meta's Attachment Upload API intact, each distinct file is uploaded once, and every send
// names its attachment_id. Limits are checked before any call.
import type { IBinaryData, IDataObject } from 'n8n-workflow';

import { MessengerOtn } from '../../nodes/MessengerOtn/MessengerOtn.node';
import { OtnBroadcast } from '../../nodes/OtnBroadcast/OtnBroadcast.node';
import { runNode } from '../harness/n8nEngine';
import { broadcastParameters, issuedRows } from './broadcastRows';
import { useEmulator } from './emulatorFixture';

const emulator = useEmulator();

/** Bytes with CR, LF and dashes in them, which a careless multipart writer would break. */
const menu = Buffer.from('%PDF-1.4\r\n--menu--\r\n\u0000\u00ff spring menu', 'latin1');

function binaryFile(bytes: Buffer, mimeType: string, fileName: string): { data: IBinaryData } {
	return { data: { data: bytes.toString('base64'), mimeType, fileName } };
}

const sendFile = {
	resource: 'message',
	operation: 'sendMessage',
	psid: '={{ $json.psid }}',
	messageType: 'file',
	mediaSource: 'binary',
	binaryPropertyName: 'data',
	messagingType: 'RESPONSE',
};

describe('Send Message with binary data', () => {
	it("uploads the item's file once and sends it to each subscriber by its attachment id", async () => {
		const page = await emulator.newPage();
		const ana = await emulator.activeSubscriber(page.pageId);
		const ben = await emulator.activeSubscriber(page.pageId);
		const file = binaryFile(menu, 'application/pdf', 'menu.pdf');
		const run = await runNode({ node: new MessengerOtn(), parameters: sendFile, input: [{ psid: ana }, { psid: ben }], binary: [file, file], credentials: page.credentials });
		expect(run.error).toBeUndefined();
		expect(run.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);

		const uploads = await emulator.control.attachments({ pageId: page.pageId });
		expect(uploads).toHaveLength(1);
		expect(uploads[0]).toMatchObject({ type: 'file', isReusable: true, fileName: 'menu.pdf', contentType: 'application/pdf' });
		expect(Buffer.from(uploads[0].dataBase64 ?? '', 'base64').equals(menu)).toBe(true);
		const received = await emulator.control.deliveries({ pageId: page.pageId });
		expect(received.map((d) => [d.psid, d.message.attachment])).toEqual([
			[ana, { type: 'file', payload: { attachment_id: uploads[0].attachmentId } }],
			[ben, { type: 'file', payload: { attachment_id: uploads[0].attachmentId } }],
		]);
	});

	it('refuses an image that is not an image, before any call, and says how to fix it', async () => {
		const page = await emulator.newPage();
		const psid = await emulator.activeSubscriber(page.pageId);
		const run = await runNode({
			node: new MessengerOtn(),
			parameters: { ...sendFile, messageType: 'image' },
			input: [{ psid }],
			binary: [binaryFile(menu, 'application/pdf', 'menu.pdf')],
			credentials: page.credentials,
		});
		expect(run.error?.message).toBe('Image "data" has the type application/pdf; Messenger needs a MIME type of image/* for Image (choose File to send it as a document)');
		expect(run.error?.description).toMatch(/Nothing was sent/);
		expect(await emulator.control.attachments({ pageId: page.pageId })).toEqual([]);
		expect(await emulator.control.deliveries({ pageId: page.pageId })).toEqual([]);
	});

	it('sends an item without the binary field to the error output with its item index and goes on', async () => {
		const page = await emulator.newPage();
		const psid = await emulator.activeSubscriber(page.pageId);
		const run = await runNode({
			node: new MessengerOtn(),
			parameters: sendFile,
			input: [{ psid }, { psid }],
			binary: [undefined, binaryFile(menu, 'application/pdf', 'menu.pdf')],
			credentials: page.credentials,
			onError: 'continueErrorOutput',
		});
		const [sent, failed] = run.outputs;
		expect(sent.map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(failed[0].json.error).toMatch(/binary/i);
	});
});

describe('OTN Broadcast with binary data', () => {
	it('uploads the campaign file once and sends every token the same attachment id', async () => {
		const page = await emulator.newPage();
		const rows = await issuedRows(emulator.control, page.pageId, 3);
		const image = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
		const run = await runNode({
			node: new OtnBroadcast(),
			parameters: broadcastParameters({ messageType: 'image', mediaSource: 'binary', binaryPropertyName: 'data' }),
			input: rows,
			binary: rows.map(() => binaryFile(image, 'image/png', 'sale.png')),
			credentials: page.credentials,
		});
		expect(run.error).toBeUndefined();
		expect(run.outputs[0].map((item) => (item.json as IDataObject).status)).toEqual(['used', 'used', 'used']);
		const uploads = await emulator.control.attachments({ pageId: page.pageId });
		expect(uploads).toHaveLength(1);
		expect(Buffer.from(uploads[0].dataBase64 ?? '', 'base64').equals(image)).toBe(true);
		const received = await emulator.control.deliveries({ pageId: page.pageId });
		expect(received.map((d) => d.message.attachment)).toEqual(rows.map(() => ({ type: 'image', payload: { attachment_id: uploads[0].attachmentId } })));
	});

	it('stops before any send when Meta refuses the upload, every row as it was', async () => {
		const page = await emulator.newPage();
		const rows = await issuedRows(emulator.control, page.pageId, 2);
		// Two: the check of the credential (GET /me, retried) goes out while the file is uploaded, so
		// either may come first; the upload gets one of them either way.
		await emulator.control.addFault({ kind: 'http500', phase: 'before', pageId: page.pageId, count: 2 });
		const run = await runNode({
			node: new OtnBroadcast(),
			parameters: broadcastParameters({ messageType: 'file', mediaSource: 'binary', binaryPropertyName: 'data' }),
			input: rows,
			binary: rows.map(() => binaryFile(menu, 'application/pdf', 'menu.pdf')),
			credentials: page.credentials,
		});
		expect(run.error?.description).toMatch(/Meta: /);
		expect(await emulator.control.deliveries({ pageId: page.pageId })).toEqual([]);
		expect((await emulator.control.tokens(page.pageId)).map((token) => token.status)).toEqual(['available', 'available']);
		expect(run.outputs).toEqual([]);
	});

	it('refuses a binary file on the paid path before any call: that API takes media by URL', async () => {
		const { page, campaignId } = await emulator.paidPageWithCampaign();
		const rows = await issuedRows(emulator.control, page.pageId, 1, 'marketing');
		const run = await runNode({
			node: new OtnBroadcast(),
			parameters: { ...broadcastParameters({ messageType: 'image', mediaSource: 'binary', binaryPropertyName: 'data' }), sendThrough: 'paidApi', campaignId, minConversationGapSeconds: 0 },
			input: rows,
			binary: [binaryFile(menu, 'image/png', 'sale.png')],
			credentials: page.credentials,
		});
		expect(run.error?.message).toMatch(/the paid Marketing Message API takes media by URL only; choose Media Source URL/);
		expect(await emulator.control.attachments({ pageId: page.pageId })).toEqual([]);
	});
});
