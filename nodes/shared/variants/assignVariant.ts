import { createHash } from 'crypto';

/** The most variants one campaign takes (our limit, not Meta's): more split an audience too thin to compare. */
export const MAX_VARIANTS = 4;

/** Variants are named by position: the node's message is A, the others B, C and D. */
export const VARIANT_NAMES = ['A', 'B', 'C', 'D'] as const;

/**
 * Where a subscriber falls on [0, 1) for a campaign: the first 32 bits of
 * sha256("campaign:pageId:psid"). The campaign is part of the key so that each campaign splits its
 * audience afresh (nobody is in variant B of every test); the same campaign, Page and PSID always
 * fall on the same point, so a re-run, a retry or another shard gives the same variant.
 */
export function variantPoint(campaign: string, pageId: string, psid: string): number {
	const first32 = parseInt(createHash('sha256').update(`${campaign}:${pageId}:${psid}`, 'utf8').digest('hex').slice(0, 8), 16);
	return first32 / 2 ** 32;
}

/**
 * The index of the variant a subscriber gets, given the variants' shares in percent (summing to
 * 100): the point falls into the share ranges laid end to end, A first.
 */
export function assignVariant(campaign: string, pageId: string, psid: string, sharesPercent: number[]): number {
	const point = variantPoint(campaign, pageId, psid) * 100;
	let upTo = 0;
	for (let index = 0; index < sharesPercent.length; index++) {
		upTo += sharesPercent[index];
		if (point < upTo) return index;
	}
	// Rounding of shares like 33.3 + 33.3 + 33.4: the last variant takes what is left.
	return sharesPercent.length - 1;
}
