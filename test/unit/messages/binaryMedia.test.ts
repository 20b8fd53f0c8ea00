import type { INodeProperties } from 'n8n-workflow';

import { parseMultipart } from '../../../emulator/http/multipart';
import { MessengerOtn } from '../../../nodes/MessengerOtn/MessengerOtn.node';
import { OtnBroadcast } from '../../../nodes/OtnBroadcast/OtnBroadcast.node';
import { multipartBody } from '../../../nodes/shared/graph/multipartBody';
import { binaryMediaProblems } from '../../../nodes/shared/messages/binaryMediaChecks';

const messages = (problems: Array<{ message: string }>) => problems.map((problem) => problem.message);

describe("Meta's limits on a binary attachment, checked before the upload", () => {
	it('takes up to 25 MB and refuses a byte more, saying the size', () => {
		expect(binaryMediaProblems('file', { byteLength: 25_000_000, mimeType: 'application/zip' }, 'File "data"')).toEqual([]);
		expect(messages(binaryMediaProblems('file', { byteLength: 31_400_000, mimeType: 'application/zip' }, 'File "data"'))).toEqual([
			'File "data" is 31.4 MB; Messenger takes attachments of at most 25 MB',
		]);
	});

	it('refuses an empty file', () => {
		expect(messages(binaryMediaProblems('image', { byteLength: 0, mimeType: 'image/png' }, 'Image "data"'))).toEqual([
			'Image "data" is an empty file; Messenger needs a file of 1 byte or more',
		]);
	});

	it.each([
		['image', 'image/jpeg', true],
		['image', 'application/octet-stream', false],
		['audio', 'audio/mpeg', true],
		['audio', 'video/mp4', false],
		['video', 'video/mp4', true],
		['video', '', false],
		['file', 'application/pdf', true],
		['file', '', true],
	] as const)('%s with MIME type "%s" is accepted: %s', (kind, mimeType, accepted) => {
		expect(binaryMediaProblems(kind, { byteLength: 10, mimeType }, 'field').length === 0).toBe(accepted);
	});

	it('tells a user with a mislabelled file how to send it anyway', () => {
		expect(messages(binaryMediaProblems('audio', { byteLength: 10, mimeType: '' }, 'Audio "voice"'))).toEqual([
			'Audio "voice" has no MIME type; Messenger needs a MIME type of audio/* for Audio (choose File to send it as a document)',
		]);
	});
});

describe('the multipart body sent to the Attachment Upload API', () => {
	it('carries the message JSON and the exact file bytes, as a multipart reader sees them', () => {
		const bytes = Buffer.from('\r\n--not-a-boundary\r\n\u0000\u00ff', 'latin1');
		const { body, contentType } = multipartBody([
			{ field: 'message', text: '{"attachment":{"type":"file","payload":{"is_reusable":true}}}' },
			{ field: 'filedata', file: bytes, fileName: 'a "quoted"\r\nname.pdf', mimeType: 'application/pdf' },
		]);
		const boundary = /boundary=(.+)$/.exec(contentType)?.[1] ?? '';
		const parsed = parseMultipart(body, boundary);
		expect(parsed.message).toBe('{"attachment":{"type":"file","payload":{"is_reusable":true}}}');
		expect(parsed.filedata).toEqual({ fileName: 'a _quoted___name.pdf', contentType: 'application/pdf', data: bytes });
	});
});

describe('the media parameters in the editor', () => {
	const shownFor = (properties: INodeProperties[], name: string) => properties.find((property) => property.name === name)?.displayOptions?.show;

	it.each([
		['Request OTN', new MessengerOtn().description.properties],
		['OTN Broadcast', new OtnBroadcast().description.properties],
	])('%s offers image, audio, video and file, each from a URL or binary data', (_node, properties) => {
		const messageType = properties.find((property) => property.name === 'messageType');
		const values = (messageType?.options ?? []).map((option) => ('value' in option ? option.value : undefined));
		expect(values).toEqual(expect.arrayContaining(['image', 'audio', 'video', 'file']));
		const source = properties.find((property) => property.name === 'mediaSource');
		expect(source?.default).toBe('url');
		expect(shownFor(properties, 'mediaSource')?.messageType).toEqual(['image', 'audio', 'video', 'file']);
		const field = properties.find((property) => property.name === 'binaryPropertyName');
		expect(field).toMatchObject({ displayName: 'Input Data Field Name', default: 'data' });
		expect(shownFor(properties, 'binaryPropertyName')?.mediaSource).toEqual(['binary']);
		expect(shownFor(properties, 'mediaUrl')?.mediaSource).toEqual(['url']);
	});
});
