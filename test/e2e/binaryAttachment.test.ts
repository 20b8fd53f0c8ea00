/**
 * A binary file sent through Meta's Attachment Upload API in a real n8n: a webhook receives a
 * subscriber and a PNG in base64, n8n's own Convert to File node makes it binary data, and Request
 * OTN's Send Message sends it as an image. The emulator must hold the very bytes, and the
 * subscriber must receive the attachment id the upload returned.
 */
import { randomUUID } from 'node:crypto';

import axios from 'axios';

import { pictureWorkflow } from '../../scripts/demo/pictureWorkflow';
import { createWorkflow, publishWorkflow } from '../../scripts/n8n/n8n-workflows';
import { waitForWebhook } from '../../scripts/n8n/wait-webhook';
import { e2eInstance } from './e2e-instance';
import { newE2ePage } from './messengerPage';

const n8n = e2eInstance();

/** A PNG header and bytes that a text or multipart mishandling would change (CR, LF, NUL, 0xFF). */
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0x2d, 0x2d, 0x0d, 0x0a]);

describe('a binary attachment in a real n8n', () => {
	it('uploads the file made by Convert to File and sends it by its attachment id', async () => {
		const page = await newE2ePage(n8n, 'Binary attachment e2e');
		const psid = await page.control.createSubscriber(page.pageId).then(async ({ psid }) => {
			await page.control.sendsMessage(page.pageId, psid, 'Can I see the new sneakers?');
			return psid;
		});
		const webhookId = randomUUID();
		const workflowId = await createWorkflow(n8n, pictureWorkflow(page.credential, webhookId));
		await publishWorkflow(n8n, workflowId);
		await waitForWebhook(n8n.baseUrl, webhookId);

		const response = await axios.post(`${n8n.baseUrl}/webhook/${webhookId}`, { psid, picture: png.toString('base64') }, { validateStatus: () => true });
		expect(response.status).toBe(200);
		const [answer] = Array.isArray(response.data) ? response.data : [response.data];
		expect(answer).toMatchObject({ operation: 'sendMessage', psid });

		const [upload] = await page.control.attachments({ pageId: page.pageId });
		expect(upload).toMatchObject({ type: 'image', isReusable: true, fileName: 'sneakers.png', contentType: 'image/png', size: png.length });
		expect(Buffer.from(upload.dataBase64 ?? '', 'base64').equals(png)).toBe(true);
		const received = await page.control.deliveries({ pageId: page.pageId, psid });
		expect(received.map((delivery) => [delivery.messageId, delivery.message])).toEqual([
			[answer.messageId, { attachment: { type: 'image', payload: { attachment_id: upload.attachmentId } } }],
		]);
	});
});
