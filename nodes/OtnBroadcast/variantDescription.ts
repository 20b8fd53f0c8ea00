import type { INodeProperties } from 'n8n-workflow';

import { MAX_VARIANTS } from '../shared/variants/assignVariant';

/** OTN Broadcast's A/B fields: off by default, the message above is variant A. */
export const variantFields: INodeProperties[] = [
	{
		displayName: 'Variants (A/B)',
		name: 'useVariants',
		type: 'boolean',
		default: false,
		description:
			'Whether to split the audience between up to 4 message texts. The message above is variant A. Each subscriber always gets the same variant of a campaign, so a re-run never sends them another one.',
		displayOptions: { show: { messageType: ['text', 'buttons'] } },
	},
	{
		displayName: 'Variant A Share (%)',
		name: 'variantAShare',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100 },
		default: 50,
		description: 'The share of the audience that gets the message above. With the other variants\' shares it must make 100.',
		displayOptions: { show: { useVariants: [true], messageType: ['text', 'buttons'] } },
	},
	{
		displayName: 'Other Variants',
		name: 'variants',
		type: 'fixedCollection',
		placeholder: 'Add Variant',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Variant' },
		default: { variant: [{ text: '', share: 50 }] },
		description: `Variants B, C and D in this order (up to ${MAX_VARIANTS - 1}): the same message with another text`,
		displayOptions: { show: { useVariants: [true], messageType: ['text', 'buttons'] } },
		options: [
			{
				displayName: 'Variant',
				name: 'variant',
				values: [
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						typeOptions: { rows: 3 },
						default: '',
						description: "This variant's text, in place of the message's Text (buttons stay as they are)",
					},
					{
						displayName: 'Share (%)',
						name: 'share',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 100 },
						default: 50,
						description: 'The share of the audience that gets this variant',
					},
				],
			},
		],
	},
];
