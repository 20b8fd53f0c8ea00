import type { INodeProperties } from 'n8n-workflow';

import {
	MAX_ATTACHMENT_BYTES,
	MAX_BUTTON_TEMPLATE_TEXT_LENGTH,
	MAX_BUTTONS,
	MAX_GENERIC_ELEMENTS,
	MAX_QUICK_REPLIES,
	MAX_TEXT_LENGTH,
} from '../messageLimits';

/** The message types that carry media, from a URL or the item's binary data. */
export const MEDIA_TYPES = ['image', 'audio', 'video', 'file'];

/**
 * The parameters that describe one Messenger message: its kind, text, buttons, media, generic
 * template cards and quick replies. readMessageContent.ts turns them into the shared message model.
 */

const buttonValues: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Postback', value: 'postback', description: 'Comes back to the flow as a postback event with the payload' },
			{ name: 'URL', value: 'url', description: 'Opens a web page' },
		],
		default: 'postback',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: 'The button text, 1 to 20 characters',
	},
	{
		displayName: 'Payload',
		name: 'payload',
		type: 'string',
		default: '',
		description: "What the trigger's postback event carries when the button is tapped, 1 to 1,000 characters",
		displayOptions: { show: { type: ['postback'] } },
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://shop.example/red-sneakers',
		displayOptions: { show: { type: ['url'] } },
	},
];

function buttonsField(description: string): INodeProperties {
	return {
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Button',
		default: {},
		description,
		options: [{ name: 'button', displayName: 'Button', values: buttonValues }],
	};
}

export function messageContentFields(show: Record<string, string[]>): INodeProperties[] {
	const when = (messageType: string[]) => ({ show: { ...show, messageType } });
	return [
		{
			displayName: 'Message Type',
			name: 'messageType',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Audio', value: 'audio', description: 'A sound file, from a URL or binary data' },
				{ name: 'Buttons', value: 'buttons', description: 'Text above 1 to 3 postback or URL buttons' },
				{ name: 'File', value: 'file', description: 'Any document, from a URL or binary data' },
				{ name: 'Generic Template', value: 'generic', description: 'Up to 10 cards with a title, image and buttons' },
				{ name: 'Image', value: 'image', description: 'A picture, from a URL or binary data' },
				{ name: 'Text', value: 'text' },
				{ name: 'Video', value: 'video', description: 'A video, from a URL or binary data' },
			],
			default: 'text',
			displayOptions: { show },
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			description: `The message text: 1 to ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters, or 1 to ${MAX_BUTTON_TEMPLATE_TEXT_LENGTH} above buttons`,
			displayOptions: when(['text', 'buttons']),
		},
		{ ...buttonsField(`1 to ${MAX_BUTTONS} buttons under the text`), displayOptions: when(['buttons']) },
		{
			displayName: 'Media Source',
			name: 'mediaSource',
			type: 'options',
			options: [
				{ name: 'URL', value: 'url', description: 'Meta downloads the media from a public URL' },
				{
					name: 'Binary Data',
					value: 'binary',
					description: "Uploads the item's binary file to Meta once, then sends it by its attachment ID",
				},
			],
			default: 'url',
			displayOptions: when(MEDIA_TYPES),
		},
		{
			displayName: 'URL',
			name: 'mediaUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://shop.example/red-sneakers.png',
			description: 'A public http or https URL that Meta downloads the media from',
			displayOptions: { show: { ...show, messageType: MEDIA_TYPES, mediaSource: ['url'] } },
		},
		{
			displayName: 'Input Data Field Name',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the file to be sent',
			description: `At most ${MAX_ATTACHMENT_BYTES / 1_000_000} MB; an image, audio or video must have an image/*, audio/* or video/* MIME type`,
			displayOptions: { show: { ...show, messageType: MEDIA_TYPES, mediaSource: ['binary'] } },
		},
		{
			displayName: 'Elements',
			name: 'elements',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Element',
			default: {},
			description: `1 to ${MAX_GENERIC_ELEMENTS} cards, shown side by side`,
			displayOptions: when(['generic']),
			options: [
				{
					name: 'element',
					displayName: 'Element',
					values: [
						{ displayName: 'Title', name: 'title', type: 'string', default: '', description: '1 to 80 characters' },
						{ displayName: 'Subtitle', name: 'subtitle', type: 'string', default: '', description: 'At most 80 characters' },
						{
							displayName: 'Image URL',
							name: 'imageUrl',
							type: 'string',
							default: '',
							placeholder: 'e.g. https://shop.example/red-sneakers.png',
						},
						buttonsField(`Up to ${MAX_BUTTONS} buttons on this card`),
					],
				},
			],
		},
		{
			displayName: 'Quick Replies',
			name: 'quickReplies',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Quick Reply',
			default: {},
			description: `Up to ${MAX_QUICK_REPLIES} answers shown above the keyboard; a tap comes back to the flow as a quick reply event with the payload`,
			displayOptions: { show },
			options: [
				{
					name: 'quickReply',
					displayName: 'Quick Reply',
					values: [
						{ displayName: 'Title', name: 'title', type: 'string', default: '', description: '1 to 20 characters' },
						{
							displayName: 'Payload',
							name: 'payload',
							type: 'string',
							default: '',
							description: "What the trigger's quick reply event carries, 1 to 1,000 characters",
						},
						{
							displayName: 'Image URL',
							name: 'imageUrl',
							type: 'string',
							default: '',
							placeholder: 'e.g. https://shop.example/red.png',
							description: 'An optional icon, at least 24×24 pixels',
						},
					],
				},
			],
		},
	];
}
