import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { Built } from '../shared/messages/messageProblem';
import type { MessengerMessage } from '../shared/messages/messageTypes';
import type { AttachmentSource } from '../shared/messages/attachmentUploads';
import { readMessageContent } from '../shared/messages/readMessageContent';
import { sameMessageForEveryItem } from '../shared/messages/sameMessageForEveryItem';
import type { TokenRow } from '../shared/tokens/tokenRow';
import { assignVariant, MAX_VARIANTS, VARIANT_NAMES } from '../shared/variants/assignVariant';

/** A campaign's variants: their shares in percent, A first. */
export interface VariantSplit {
	campaign: string;
	sharesPercent: number[];
}

const VARIANT_MESSAGE_TYPES = ['text', 'buttons'];

function otherVariants(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const list = (context.getNodeParameter('variants', itemIndex, {}) as IDataObject).variant;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

function settingsError(context: IExecuteFunctions, message: string, fix: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { description: `${fix} Nothing was sent and no row was changed.` });
}

/** The shares of the campaign's variants, or undefined when Variants (A/B) is off. Checked before any send. */
export function readVariantSplit(context: IExecuteFunctions, campaign: string): VariantSplit | undefined {
	const messageType = String(context.getNodeParameter('messageType', 0, 'text'));
	if (!VARIANT_MESSAGE_TYPES.includes(messageType) || !context.getNodeParameter('useVariants', 0, false)) return undefined;
	const others = otherVariants(context, 0);
	if (others.length === 0) throw settingsError(context, 'Variants (A/B) is on, but there is no other variant', 'Add a variant under Other Variants, or turn Variants (A/B) off.');
	if (others.length > MAX_VARIANTS - 1) {
		throw settingsError(context, `There are ${others.length + 1} variants; a campaign takes up to ${MAX_VARIANTS}`, `Remove variants until there are at most ${MAX_VARIANTS - 1} other variants.`);
	}
	const sharesPercent = [Number(context.getNodeParameter('variantAShare', 0, 50)), ...others.map((variant) => Number(variant.share))];
	const badShare = sharesPercent.findIndex((share) => !Number.isFinite(share) || share < 0);
	if (badShare >= 0) throw settingsError(context, `Variant ${VARIANT_NAMES[badShare]}'s share is not a percentage`, 'Give every variant a share from 0 to 100.');
	const total = sharesPercent.reduce((sum, share) => sum + share, 0);
	if (Math.abs(total - 100) > 1e-6) {
		throw settingsError(context, `The variants' shares make ${Number(total.toFixed(2))}%, not 100%`, 'Set the shares so they add up to 100 (e.g. 50 and 50).');
	}
	return { campaign, sharesPercent };
}

/**
 * The variant (index) a row gets: the one its last send of this campaign recorded, so a change of
 * shares between runs never gives a subscriber a second variant; otherwise the hash's.
 */
export function variantOfRow(row: TokenRow, split: VariantSplit): number {
	const recorded = row.campaign === split.campaign && row.variant ? VARIANT_NAMES.indexOf(row.variant as (typeof VARIANT_NAMES)[number]) : -1;
	if (recorded >= 0 && recorded < split.sharesPercent.length) return recorded;
	return assignVariant(split.campaign, row.pageId, row.psid, split.sharesPercent);
}

/** The node's context with another value for the message's Text: a variant is the same message with its own text. */
function withText(context: IExecuteFunctions, text: unknown): IExecuteFunctions {
	return new Proxy(context, {
		get(target, property) {
			if (property === 'getNodeParameter') {
				const read = target.getNodeParameter.bind(target) as (name: string, ...rest: unknown[]) => unknown;
				return (name: string, ...rest: unknown[]) => (name === 'text' ? text : read(name, ...rest));
			}
			const value: unknown = Reflect.get(target, property);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}

export type RowMessageReader = (itemIndex: number, row: TokenRow) => Promise<{ built: Built<MessengerMessage>; variant?: string }>;

/**
 * Reads the message each row gets, and the name of its variant when the campaign has variants.
 * When every item gets the same message, each variant's is built once.
 */
export function rowMessageReader(context: IExecuteFunctions, split: VariantSplit | undefined, attachments: AttachmentSource): RowMessageReader {
	const builtOnce = sameMessageForEveryItem(context.getNode()) ? new Map<number, Built<MessengerMessage>>() : undefined;
	return async (itemIndex, row) => {
		const index = split ? variantOfRow(row, split) : 0;
		const variant = split ? VARIANT_NAMES[index] : undefined;
		let built = builtOnce?.get(index);
		if (!built) {
			const source = index === 0 ? context : withText(context, otherVariants(context, itemIndex)[index - 1]?.text ?? '');
			built = await readMessageContent(source, itemIndex, attachments);
			builtOnce?.set(index, built);
		}
		return { built, variant };
	};
}

/**
 * A row after a send of this campaign names its variant, like its campaign. Without variants, a
 * store that has the column gets it emptied (the row holds its last send); others never see it.
 */
export function withVariant(row: TokenRow, variant: string | undefined): TokenRow {
	if (variant !== undefined) return { ...row, variant };
	return 'variant' in row ? { ...row, variant: null } : row;
}
