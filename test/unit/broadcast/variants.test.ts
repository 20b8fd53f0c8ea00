/** Variants (A/B): each subscriber of a campaign gets one variant, the same on every run, in the shares asked. */
import type { IDataObject } from 'n8n-workflow';

import { readBroadcastSettings } from '../../../nodes/OtnBroadcast/broadcastSettings';
import { planBroadcast } from '../../../nodes/OtnBroadcast/planBroadcast';
import { noAttachmentUploads } from '../../../nodes/shared/messages/attachmentUploads';
import { withVariant } from '../../../nodes/OtnBroadcast/variants';
import { assignVariant } from '../../../nodes/shared/variants/assignVariant';
import type { TokenRow } from '../../../nodes/shared/tokens/tokenRow';
import { fakeExecuteContext } from '../requestOtn/fakeExecuteContext';
import { NOW, PAGE, tokenRow } from '../tokenStore/tokenRows';

const PSIDS = Array.from({ length: 10_000 }, (_, index) => String(7_000_000_000_000_000 + index * 7919));

function shareOf(campaign: string, shares: number[]): number[] {
	const counts = shares.map(() => 0);
	for (const psid of PSIDS) counts[assignVariant(campaign, PAGE, psid, shares)]++;
	return counts.map((count) => (count / PSIDS.length) * 100);
}

describe('assigning a variant', () => {
	it('gives the same subscriber of the same campaign the same variant every time', () => {
		for (const psid of PSIDS.slice(0, 200)) {
			const first = assignVariant('spring', PAGE, psid, [50, 50]);
			expect(assignVariant('spring', PAGE, psid, [50, 50])).toBe(first);
		}
	});

	it.each([
		[[50, 50]],
		[[70, 30]],
		[[25, 25, 25, 25]],
		[[10, 20, 30, 40]],
	])('keeps to the shares %p within 1.5 points over 10,000 subscribers', (shares) => {
		shareOf('spring', shares).forEach((share, index) => expect(Math.abs(share - shares[index])).toBeLessThan(1.5));
	});

	it('never gives a variant of share 0', () => {
		expect(shareOf('spring', [0, 100])).toEqual([0, 100]);
	});

	it('splits each campaign afresh: the B of one campaign are not the B of the next', () => {
		const same = PSIDS.filter((psid) => assignVariant('spring', PAGE, psid, [50, 50]) === assignVariant('summer', PAGE, psid, [50, 50])).length;
		expect(Math.abs((same / PSIDS.length) * 100 - 50)).toBeLessThan(2);
	});
});

describe("OTN Broadcast's plan with variants", () => {
	const parameters: IDataObject = {
		campaign: 'spring',
		messageType: 'text',
		text: 'Spring sale: 20% off',
		quickReplies: {},
		useVariants: true,
		variantAShare: 50,
		variants: { variant: [{ text: 'Spring sale: free shipping', share: 50 }] },
	};
	const rows = PSIDS.slice(0, 400).map((psid, index) => ({ row: tokenRow(`r${index}`, { psid }), itemIndexes: [index] }));

	function plan(given: IDataObject | ((itemIndex: number) => IDataObject), planned = rows) {
		const { context } = fakeExecuteContext({ parameters: given, items: planned.map(() => ({})) });
		const settings = readBroadcastSettings(context);
		return planBroadcast(context, planned, NOW, 'sendApi', noAttachmentUploads('a text message has no file'), settings.variants);
	}

	it("sends each row its variant's text, and a re-run plans exactly the same", async () => {
		const first = await plan(parameters);
		const texts = new Set(first.sends.map(({ message }) => message.text));
		expect(texts).toEqual(new Set(['Spring sale: 20% off', 'Spring sale: free shipping']));
		for (const planned of first.sends) expect(planned.message.text).toBe(planned.variant === 'A' ? 'Spring sale: 20% off' : 'Spring sale: free shipping');
		const again = await plan(parameters);
		expect(again.sends.map(({ row, variant }) => [row.tokenId, variant])).toEqual(first.sends.map(({ row, variant }) => [row.tokenId, variant]));
	});

	it('keeps the variant a row recorded for this campaign, even after the shares changed', async () => {
		const first = await plan(parameters);
		const recorded = first.sends.map(({ distinct, variant }) => ({ ...distinct, row: withVariant({ ...distinct.row, campaign: 'spring' }, variant) }));
		const skewed = await plan({ ...parameters, variantAShare: 10, variants: { variant: [{ text: 'Spring sale: free shipping', share: 90 }] } }, recorded);
		expect(skewed.sends.map(({ variant }) => variant)).toEqual(first.sends.map(({ variant }) => variant));
	});

	it('sends the one message, and names no variant, when Variants (A/B) is off', async () => {
		const off = await plan({ ...parameters, useVariants: false });
		expect(new Set(off.sends.map(({ message }) => message.text))).toEqual(new Set(['Spring sale: 20% off']));
		expect(off.sends.every(({ variant }) => variant === undefined)).toBe(true);
	});

	it("builds each variant's message once when no message parameter holds an expression", async () => {
		const { context } = fakeExecuteContext({ parameters, items: rows.map(() => ({})) });
		const readText = jest.spyOn(context, 'getNodeParameter');
		const planned = await planBroadcast(context, rows, NOW, 'sendApi', noAttachmentUploads('a text message has no file'), readBroadcastSettings(context).variants);
		expect(planned.sends).toHaveLength(rows.length);
		const textReads = readText.mock.calls.filter(([name]) => name === 'text' || name === 'variants');
		// A's text once, and the other variants (B's text) once, for 400 rows.
		expect(textReads.map(([name]) => name).sort()).toEqual(['text', 'variants', 'variants']);
	});

	it('builds the message of each row when the text is an expression of its item', async () => {
		const perItem = await plan((itemIndex: number) => ({ ...parameters, useVariants: false, text: `Hello subscriber ${itemIndex}` }));
		expect(perItem.sends.map(({ message }) => message.text)).toEqual(rows.map((_, index) => `Hello subscriber ${index}`));
	});

	it.each([
		[{ variantAShare: 60 }, "The variants' shares make 110%, not 100%"],
		[{ variants: {} }, 'Variants (A/B) is on, but there is no other variant'],
		[{ variants: { variant: [1, 2, 3, 4].map(() => ({ text: 'x', share: 10 })) }, variantAShare: 60 }, 'There are 5 variants; a campaign takes up to 4'],
	])('refuses %p before anything is sent: %s', (change, message) => {
		expect(() => plan({ ...parameters, ...change })).toThrow(message);
	});
});

describe('the variant on the row written back', () => {
	const sent: TokenRow = tokenRow('a', { campaign: 'spring', status: 'used' });

	it('names the variant sent', () => {
		expect(withVariant(sent, 'B').variant).toBe('B');
	});

	it('empties a stored variant when the campaign had none, and adds no column to a store without it', () => {
		expect(withVariant({ ...sent, variant: 'B' }, undefined).variant).toBeNull();
		expect('variant' in withVariant(sent, undefined)).toBe(false);
	});
});
